import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importXlsx } from "../import/xlsx";
import { fingerprintSnapshot } from "./fingerprint";
import { MATRIX_COLUMNS, RESPONSIBILITY_COLOURS } from "./present";
import { INJECTION_PAYLOADS, LIBRARY_CONTEXT, rowInputOf, trickySnapshot } from "../../tests/fixtures/sample-snapshot";
import { exportXlsx, xlsxText } from "./xlsx";
import { DRAFT_FIELD, FINGERPRINT_FIELD } from "./xlsx-metadata";

async function load(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}

function metadata(workbook: ExcelJS.Workbook): Map<string, string> {
  const entries = new Map<string, string>();
  workbook
    .getWorksheet("Metadata")!
    .eachRow((row) => entries.set(String(row.getCell(1).value), String(row.getCell(2).value ?? "")));
  return entries;
}

describe("XLSX export", () => {
  const snapshot = trickySnapshot();

  it("has the four sheets, a frozen styled header, autofilter and responsibility fills", async () => {
    const workbook = await load((await exportXlsx(snapshot)).body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Matrix", "Instruments", "Positions", "Metadata"]);
    const matrix = workbook.getWorksheet("Matrix")!;
    expect(matrix.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(matrix.autoFilter).toBeTruthy();
    expect(matrix.getRow(2).values).toEqual([undefined, ...MATRIX_COLUMNS]);
    expect(matrix.getRow(2).font?.bold).toBe(true);
    const fill = matrix.getCell(3, 3).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FF" + RESPONSIBILITY_COLOURS.Shared.tint.slice(1));
  });

  it("HARDEN-49 writes every cell as a typed string, never a formula, with no visible apostrophe", async () => {
    const workbook = await load((await exportXlsx(snapshot)).body);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeFalsy();
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Merge]).toContain(cell.type);
        }),
      ),
    );
    const matrix = workbook.getWorksheet("Matrix")!;
    snapshot.rows.forEach((row, i) => {
      expect(matrix.getCell(3 + i, 1).value).toBe(xlsxText(row.title));
      expect(matrix.getCell(3 + i, 6).value).toBe(xlsxText(row.notes));
    });
    const notes = snapshot.rows.map((_, i) => matrix.getCell(3 + i, 6).value);
    for (const payload of INJECTION_PAYLOADS) expect(notes).toContain(payload.replace("\r", "\n"));
  });

  it("records the fingerprint, version and reservations; flags a live board DRAFT", async () => {
    const agreed = metadata(await load((await exportXlsx(snapshot)).body));
    expect(agreed.get(FINGERPRINT_FIELD)).toBe(fingerprintSnapshot(snapshot));
    expect(agreed.get(DRAFT_FIELD)).toBe("no");
    expect(agreed.get("Published by")).toBe("Łukasz Wróbel");
    const live = trickySnapshot({ live: true });
    const draftBook = await load((await exportXlsx(live)).body);
    expect(metadata(draftBook).get(DRAFT_FIELD)).toMatch(/^DRAFT/);
    expect(String(draftBook.getWorksheet("Matrix")!.getCell(1, 1).value)).toContain("DRAFT");
    const positions = draftBook.getWorksheet("Positions")!;
    expect(positions.getRow(2).values).toContain('Şahin: "needs, review"\nsecond line');
  });

  it("still opens when cells hold characters XML forbids", async () => {
    const odd = { ...snapshot, rows: [{ ...snapshot.rows[1], notes: "tab\u000Bvertical\u0001bell" }] };
    const workbook = await load((await exportXlsx(odd)).body);
    expect(workbook.getWorksheet("Matrix")!.getCell(3, 6).value).toBe("tab\uFFFDvertical\uFFFDbell");
  });

  it("imports back to the same rows", async () => {
    const result = await importXlsx((await exportXlsx(snapshot)).body, LIBRARY_CONTEXT);
    expect(result.errors).toEqual([]);
    // XLSX (XML) keeps line breaks as LF only.
    const lf = (text: string | undefined) => text?.replace(/\r\n?/g, "\n");
    const expected = snapshot.rows
      .map(rowInputOf)
      .map((r) => ({ ...r, title: lf(r.title), notes: lf(r.notes), description: lf(r.description) }));
    expect(result.rows.map((r) => r.value)).toEqual(expected);
    expect(result.instruments.map((i) => i.id)).toEqual(["custom-pl-1"]);
    expect(result.valid).toBe(true);
  });
});
