/**
 * Every export format carries the board's marking, read back with a real parser of the format (MARK-5), and a
 * version carries the marking it was published under (MARK-6).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { importCsv } from "../import/csv";
import { exportCsv } from "./csv";
import { fingerprintSnapshot } from "./fingerprint";
import { exportJson } from "./json";
import { exportMarkdown } from "./markdown";
import { renderPdf } from "./pdf";
import { exportXlsx } from "./xlsx";
import { LIBRARY_CONTEXT } from "../../tests/fixtures/sample-snapshot";

const MARKING = "RELEASABLE TO NATO, EU";
const marked = (rows = 3) => ({ ...sampleSnapshot({ rows }), marking: MARKING });

const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);

/** Text items of each page with their vertical position (pdf.js: y from the bottom of the page). */
async function pdfPages(body: Buffer): Promise<{ text: string; y: number }[][]> {
  const pdf = await getDocument({
    data: new Uint8Array(body),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  const pages: { text: string; y: number }[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.flatMap((item) => ("str" in item ? [{ text: item.str, y: item.transform[5] }] : [])));
  }
  await pdf.destroy();
  return pages;
}

describe("markings on every exported file", () => {
  it("MARK-5 CSV: the first record is #remit:marking with the marking, and the file still imports", () => {
    const text = exportCsv(marked()).body.toString("utf8");
    const records = parse(text.replace(/^\uFEFF/, ""), { relaxColumnCount: true }) as string[][];
    expect(records[0].slice(0, 2)).toEqual(["#remit:marking", MARKING]);
    expect(records[1][0]).toBe("Title");
    const imported = importCsv(Buffer.from(text, "utf8"), LIBRARY_CONTEXT);
    expect(imported.errors).toEqual([]);
    expect(imported.rows).toHaveLength(3);
  });

  it("MARK-5 Markdown: the marking is the first line and the last", () => {
    const lines = exportMarkdown(marked()).body.toString("utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(`**${MARKING}**`);
    expect(lines.at(-1)).toBe(`**${MARKING}**`);
  });

  it("MARK-5 JSON: a top-level marking member, part of the fingerprint", () => {
    const snapshot = marked();
    const parsed = JSON.parse(exportJson(snapshot).body.toString("utf8")) as { marking: string; fingerprint: string };
    expect(parsed.marking).toBe(MARKING);
    expect(parsed.fingerprint).toBe(fingerprintSnapshot(snapshot));
    expect(parsed.fingerprint).not.toBe(fingerprintSnapshot({ ...snapshot, marking: "PUBLIC" }));
  });

  it("MARK-5 XLSX: the marking in the header and footer of every sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(marked())).body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(4);
    for (const sheet of workbook.worksheets) {
      expect(sheet.headerFooter.oddHeader).toContain(MARKING);
      expect(sheet.headerFooter.oddFooter).toContain(MARKING);
    }
  });

  it("MARK-5 XLSX: an ampersand in a marking is escaped, not read as a header code", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await exportXlsx({ ...marked(), marking: "R&D ONLY" })).body as unknown as ExcelJS.Buffer,
    );
    expect(workbook.worksheets[0].headerFooter.oddHeader).toContain("R&&D ONLY");
  });

  it("MARK-5 PDF: the marking at the top and at the bottom of every page", async () => {
    const { body, pages: count } = await renderPdf(marked(40));
    const pages = await pdfPages(body);
    expect(pages).toHaveLength(count);
    expect(count).toBeGreaterThan(3);
    for (const items of pages) {
      const ys = items.filter((item) => item.text === MARKING).map((item) => item.y);
      expect(ys).toHaveLength(2);
      // A4 landscape is 595 points high: one near the top edge, one near the bottom edge.
      expect(Math.max(...ys)).toBeGreaterThan(560);
      expect(Math.min(...ys)).toBeLessThan(20);
    }
  });

  it("MARK-6 a version published before markings existed exports as PUBLIC, and its JSON is left as published", async () => {
    const old = sampleSnapshot({ rows: 2 });
    expect(old.marking).toBeUndefined();
    expect(exportMarkdown(old).body.toString("utf8").split("\n")[0]).toBe("**PUBLIC**");
    const records = parse(
      exportCsv(old)
        .body.toString("utf8")
        .replace(/^\uFEFF/, ""),
      { relaxColumnCount: true },
    );
    expect((records as string[][])[0].slice(0, 2)).toEqual(["#remit:marking", "PUBLIC"]);
    const { body } = await renderPdf(old);
    expect((await pdfPages(body))[0].filter((item) => item.text === "PUBLIC")).toHaveLength(2);
    expect(JSON.parse(exportJson(old).body.toString("utf8"))).not.toHaveProperty("marking");
  });
});
