import { describe, expect, it } from "vitest";
import { recordFileName } from "../record/record-file-name";
import { EXPORT_FORMATS, exportFileName, exportMatrix } from "./index";
import { renderPdf } from "./pdf";
import { sampleRow, sampleSnapshot } from "../../tests/fixtures/sample-snapshot";

describe("every format", () => {
  it("exports a 1,000-row snapshot in every format with one fingerprint", async () => {
    const snapshot = sampleSnapshot({ rows: 1000 });
    const files = await Promise.all(EXPORT_FORMATS.map((format) => exportMatrix(format, snapshot)));
    for (const file of files) expect(file.body.length).toBeGreaterThan(1000);
    expect(new Set(files.map((file) => file.fingerprint)).size).toBe(1);
    expect(files.map((file) => file.extension)).toEqual(["csv", "xlsx", "json", "md", "pdf"]);
  });

  it("keeps a row with 10,000-character notes to at most one page", async () => {
    const huge = {
      ...sampleRow(1),
      notes: "Lorem ipsum dolor sit amet ".repeat(370).slice(0, 10_000),
      title: "T".repeat(300),
    };
    const { pages } = await renderPdf({ ...sampleSnapshot({ rows: 0 }), rows: [huge, sampleRow(2), huge] });
    expect(pages).toBeLessThanOrEqual(1 + 3 + 1);
  });

  it("names files after the board and version", () => {
    expect(exportFileName(sampleSnapshot({ rows: 0 }), "pdf")).toBe("hybrid-threats-lodz-working-group-v3.pdf");
    expect(exportFileName(sampleSnapshot({ rows: 0, live: true }), "csv")).toBe(
      "hybrid-threats-lodz-working-group-draft.csv",
    );
    expect(exportFileName(sampleSnapshot({ rows: 0 }), "pdf", new Date("2025-03-05T23:30:00Z"))).toBe(
      "hybrid-threats-lodz-working-group-v3-2025-03-05.pdf",
    );
  });

  it("I18N-16 a French file is named in French: a draft is a 'projet', a meeting record a 'compte-rendu'", () => {
    const live = sampleSnapshot({ rows: 0, live: true });
    expect(exportFileName(live, "csv", new Date("2025-03-05T10:00:00Z"), "fr")).toBe(
      "hybrid-threats-lodz-working-group-projet-2025-03-05.csv",
    );
    expect(exportFileName(sampleSnapshot({ rows: 0 }), "pdf", undefined, "fr")).toBe(
      "hybrid-threats-lodz-working-group-v3.pdf",
    );
    const record = { boardTitle: "Menaces hybrides", number: 3, openedAt: "2026-03-05T09:00:00.000Z" };
    expect(recordFileName(record, "docx", "fr")).toBe("menaces-hybrides-compte-rendu-3-2026-03-05.docx");
    expect(recordFileName(record, "md", "en")).toBe("menaces-hybrides-record-3-2026-03-05.md");
  });
});
