/**
 * Issue 10 §3 (export parts): formula starts hidden behind whitespace, quotes,
 * NBSP, zero-width characters or fullwidth signs; Markdown leading spaces;
 * bidirectional controls flagged. Issue 11 #9: categories as labels.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LIBRARY_CONTEXT, sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { importCsv, importXlsx } from "../import/index";
import { restoreBidiControls } from "./bidi";
import { exportCsv } from "./csv";
import { exportJson } from "./json";
import { escapeMarkdown, exportMarkdown } from "./markdown";
import { neutraliseCell, restoreCell } from "./neutralise";
import { exportPdf } from "./pdf";
import { exportXlsx } from "./xlsx";
import { messageRef } from "../../core/message-ref";

const HIDDEN_FORMULAS = [
  " =1+1",
  '"=1+1',
  "＝1+1",
  "\u00A0=1+1",
  "\u200B=1+1",
  "＋1",
  "－1",
  "＠SUM(A1)",
  "\u3000=1",
  "\uFEFF@x",
];

describe("text that cannot lie in exports", () => {
  it("HARDEN-49 CSV neutralises formula starts behind whitespace, quotes, NBSP, zero-width and fullwidth signs; import restores them", () => {
    for (const value of HIDDEN_FORMULAS) {
      expect(neutraliseCell(value)).toBe("'" + value);
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
    for (const plain of ["Plain", " spaced", "'quoted", "a=b"]) expect(neutraliseCell(plain)).toBe(plain);
    const snapshot = sampleSnapshot({ rows: HIDDEN_FORMULAS.length });
    snapshot.rows.forEach((row, i) => (row.notes = HIDDEN_FORMULAS[i]));
    const file = exportCsv(snapshot);
    const records = parse(file.body.toString("utf8"), { bom: true, relax_column_count: true }) as string[][];
    expect(records.slice(2, 2 + HIDDEN_FORMULAS.length).map((r) => r[5])).toEqual(HIDDEN_FORMULAS.map((v) => "'" + v));
    const back = importCsv(file.body, LIBRARY_CONTEXT);
    expect(back.rows.map((row) => row.value?.notes)).toEqual(HIDDEN_FORMULAS);
  });

  it("HARDEN-50 Markdown keeps leading spaces (as &nbsp;), on every line of a cell", () => {
    expect(escapeMarkdown("  indented\n   more", "<br>")).toBe("&nbsp;&nbsp;indented<br>&nbsp;&nbsp;&nbsp;more");
    const snapshot = sampleSnapshot({ rows: 1 });
    snapshot.rows[0].notes = "    four spaces first";
    expect(exportMarkdown(snapshot).body.toString("utf8")).toContain("&nbsp;&nbsp;&nbsp;&nbsp;four spaces first");
  });

  it("HARDEN-51 bidirectional controls are shown as ⟨U+…⟩ and the rows named in CSV, XLSX, Markdown and PDF; JSON keeps the data", async () => {
    const snapshot = sampleSnapshot({ rows: 3 });
    snapshot.rows[1].title = "Approved \u202Edevorppa\u202C";
    const notice = "Warning: row 2 contains bidirectional control characters";
    const csv = exportCsv(snapshot).body.toString("utf8");
    expect(csv).toContain("Approved ⟨U+202E⟩devorppa⟨U+202C⟩");
    expect(csv).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(csv).toContain(`#remit:warning,"${notice}`);
    const md = exportMarkdown(snapshot).body.toString("utf8");
    expect(md).toContain("⟨U+202E⟩");
    expect(md).toContain(notice);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(snapshot)).body as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet("Matrix")!.getCell(4, 1).value).toBe("Approved ⟨U+202E⟩devorppa⟨U+202C⟩");
    const metadata = workbook.getWorksheet("Metadata")!;
    expect(metadata.getColumn(2).values).toContainEqual(expect.stringContaining(notice));
    const pdf = await exportPdf(snapshot);
    expect(pdf.body.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const json = JSON.parse(exportJson(snapshot).body.toString("utf8")) as { rows: { title: string }[] };
    expect(json.rows[1].title).toBe("Approved \u202Edevorppa\u202C");
    // The fingerprint is that of the stored text, whatever the format shows.
    expect(exportCsv(snapshot).fingerprint).toBe(exportJson(snapshot).fingerprint);
  });

  it("HARDEN-51 the import preview names rows holding bidirectional controls", () => {
    const result = importCsv("Title\nFine\nApproved \u202Edevorppa\n", LIBRARY_CONTEXT);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([messageRef("importErrors.bidi", { line: 3, title: "Approved ⟨U+202E⟩devorppa" })]);
  });

  it("issue 11 #9: exports show categories as their labels (CSV, XLSX, Markdown); JSON keeps the ids", async () => {
    const snapshot = sampleSnapshot({ rows: 1 });
    snapshot.rows[0].category = "infrastructure";
    expect(exportCsv(snapshot).body.toString("utf8")).toContain(",Critical infrastructure,");
    expect(exportMarkdown(snapshot).body.toString("utf8")).toContain("| Critical infrastructure |");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(snapshot)).body as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet("Matrix")!.getCell(3, 2).value).toBe("Critical infrastructure");
    expect(exportJson(snapshot).body.toString("utf8")).toContain('"category": "infrastructure"');
  });
});

describe("bidirectional controls survive an export read back", () => {
  const TITLE = "Approved \u202Edevorppa\u202C";
  const DESCRIPTION = "\u2067\u05D3\u05E0\u05D4\u2069 then \u202Bembedded\u202C";
  const bidiSnapshot = () => {
    const snapshot = sampleSnapshot({ rows: 2, live: true });
    snapshot.rows[1].title = TITLE;
    snapshot.rows[1].description = DESCRIPTION;
    snapshot.rows[1].notes = "=\u202E1+1";
    snapshot.instruments = snapshot.instruments.map((i) => (i.custom ? { ...i, name: `${i.name} \u2066x\u2069` } : i));
    return snapshot;
  };

  it("HARDEN-54 CSV and XLSX exports (⟨U+…⟩) import back to the exact stored text, still flagged in the preview", async () => {
    const snapshot = bidiSnapshot();
    const csv = importCsv(exportCsv(snapshot).body, LIBRARY_CONTEXT);
    const xlsx = await importXlsx((await exportXlsx(snapshot)).body, LIBRARY_CONTEXT);
    for (const back of [csv, xlsx]) {
      expect(back.rows[1].value).toMatchObject({ title: TITLE, description: DESCRIPTION, notes: "=\u202E1+1" });
      expect(back.rows[0].value?.title).toBe(snapshot.rows[0].title);
      expect(back.instruments.map((i) => i.name)).toContain("Krajowy plan; Łódź \u2066x\u2069");
      expect(back.warnings.join("\n")).toContain("importErrors.bidi?line=");
    }
  });

  it("HARDEN-54 only the controls the exports show are read back; other ⟨…⟩ text stays as typed", () => {
    expect(restoreBidiControls("a ⟨U+202E⟩b ⟨U+2069⟩")).toBe("a \u202Eb \u2069");
    expect(restoreBidiControls("⟨U+0041⟩ ⟨U+202F⟩ ⟨u+202e⟩ ⟨note⟩")).toBe("⟨U+0041⟩ ⟨U+202F⟩ ⟨u+202e⟩ ⟨note⟩");
  });
});
