/**
 * Exports in the language the person chooses, recorded in the file; the
 * importer reads a French file back.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importCsv } from "../import/csv";
import { importXlsx } from "../import/xlsx";
import { exportCsv } from "./csv";
import { EXPORT_LABELS, MATRIX_COLUMN_IDS } from "./labels";
import { renderMarkdown } from "./markdown";
import { exportXlsx } from "./xlsx";
import { LIBRARY_CONTEXT, sampleSnapshot } from "../../tests/fixtures/sample-snapshot";

describe("export languages", () => {
  const snapshot = sampleSnapshot();

  it("I18N-4 every language labels every matrix column and position", () => {
    for (const labels of Object.values(EXPORT_LABELS)) {
      expect(labels.columns).toHaveLength(MATRIX_COLUMN_IDS.length);
      expect(Object.keys(labels.positions).sort()).toEqual(Object.keys(EXPORT_LABELS.en.positions).sort());
      expect(Object.keys(labels.categories).sort()).toEqual(Object.keys(EXPORT_LABELS.en.categories).sort());
    }
  });

  it("I18N-4 a French CSV has French headers, records its language and imports back", async () => {
    const file = exportCsv(snapshot, "fr");
    const records: string[][] = parse(file.body, { bom: true, relax_column_count: true });
    expect(records[1].slice(0, 4)).toEqual(["Titre", "Catégorie", "Responsabilité", "Chef de file"]);
    expect(records.some((record) => record[0] === "#remit:language" && record[1] === "fr")).toBe(true);
    const categoryColumn = records.find((record) => record[0] === snapshot.rows[0].title)![1];
    expect(categoryColumn).toBe(EXPORT_LABELS.fr.categories[snapshot.rows[0].category]);
    const back = await importCsv(file.body, LIBRARY_CONTEXT);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((row) => row.value?.title)).toEqual(snapshot.rows.map((row) => row.title));
    expect(back.rows.map((row) => row.value?.category)).toEqual(snapshot.rows.map((row) => row.category));
    expect(exportCsv(snapshot).body.toString("utf8")).toContain("#remit:language,en");
  });

  it("I18N-4 a French workbook has French sheets, headers and a Language field, and imports back", async () => {
    const file = await exportXlsx(snapshot, "fr");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Matrice",
      "Instruments",
      "Positions",
      "Métadonnées",
    ]);
    expect(workbook.getWorksheet("Matrice")!.getRow(2).getCell(1).value).toBe("Titre");
    const metadata = workbook.getWorksheet("Métadonnées")!;
    const fields = new Map<string, string>();
    metadata.eachRow((row) => fields.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(fields.get("Langue")).toBe("fr (Français)");
    const back = await importXlsx(file.body, LIBRARY_CONTEXT);
    expect(back.errors).toEqual([]);
    expect(back.rows).toHaveLength(snapshot.rows.length);
  });

  it("I18N-4 a French Markdown export says so and uses French headings", () => {
    const { text } = renderMarkdown(snapshot, "fr");
    expect(text).toContain("Langue\u00a0: Français");
    expect(text).toContain("## Répartition des responsabilités");
    expect(text).toContain("| n° | Menace | Catégorie |");
    expect(renderMarkdown(snapshot).text).toContain("Language: English");
  });
});
