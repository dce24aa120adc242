/** Bracketed cells in every export format, read back with each format's parser (docs/spec/brackets.md). */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { MatrixSnapshotSchema, type MatrixSnapshot } from "../../core/matrix-snapshot";
import { LIBRARY_CONTEXT, sampleRow, sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { importCsv } from "../import/csv";
import { exportMatrix } from "./index";

const RESPONSIBILITY = "[NATO] [Shared, EU lead] [EU]";
const TITLE = "[Threat 1: disruption of cyber services] [Sabotage of undersea cables]";

function bracketedSnapshot(): MatrixSnapshot {
  const base = sampleSnapshot({ rows: 0, live: true });
  const row = sampleRow(0); // NATO
  return MatrixSnapshotSchema.parse({
    ...base,
    rows: [
      {
        ...row,
        brackets: [
          {
            field: "responsibility",
            alternatives: [
              { value: { field: "responsibility", responsibility: "Shared", lead: "EU" }, sponsors: ["DE", "FR"] },
              { value: { field: "responsibility", responsibility: "EU", lead: null }, sponsors: ["AT"] },
            ],
          },
          {
            field: "title",
            alternatives: [{ value: { field: "title", title: "Sabotage of undersea cables" }, sponsors: ["PL"] }],
          },
        ],
      },
      sampleRow(1),
    ],
  });
}

const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(body),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join("") + " ";
  }
  await pdf.destroy();
  return text.replace(/\s+/g, " ");
}

describe("brackets in exports", () => {
  const snapshot = bracketedSnapshot();

  it("BRACKET-8 CSV writes bracketed cells, and reads the row's own value back on import", async () => {
    const file = await exportMatrix("csv", snapshot);
    const records: string[][] = parse(file.body, { bom: true, relax_column_count: true });
    // The marking line may come first (issue 15 §4): the header is the row naming the columns.
    const header = records.find((record) => record.includes("Title") && record.includes("Responsibility"))!;
    const row = records.find((record) => record[header.indexOf("Title")] === TITLE)!;
    expect(row[header.indexOf("Responsibility")]).toBe(RESPONSIBILITY);
    const other = records.find((record) => record[header.indexOf("Title")] === snapshot.rows[1].title)!;
    expect(other[header.indexOf("Responsibility")]).toBe(snapshot.rows[1].responsibility);
    const imported = importCsv(file.body, LIBRARY_CONTEXT);
    expect(imported.rows[0]).toMatchObject({ errors: [], value: { responsibility: "NATO" } });
  });

  it("BRACKET-8 XLSX, Markdown, PDF and JSON show the brackets too", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportMatrix("xlsx", snapshot)).body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(RESPONSIBILITY);
    expect(cells).toContain(TITLE);

    const markdown = (await exportMatrix("md", snapshot)).body.toString("utf8");
    const line = markdown.split("\n").find((text) => text.includes("Sabotage of undersea cables"))!;
    expect(line).toContain("\\[NATO\\] \\[Shared, EU lead\\] \\[EU\\]");
    expect(line).toContain("\\[Threat 1: disruption of cyber services\\] \\[Sabotage of undersea cables\\]");

    const pdf = await pdfText((await exportMatrix("pdf", snapshot)).body);
    expect(pdf).toContain(RESPONSIBILITY);
    expect(pdf).toContain("[Sabotage of undersea cables]");

    const json = JSON.parse((await exportMatrix("json", snapshot)).body.toString("utf8")) as MatrixSnapshot;
    expect(json.rows[0].brackets?.[0]).toMatchObject({
      field: "responsibility",
      alternatives: [{ sponsors: ["DE", "FR"] }, { sponsors: ["AT"] }],
    });
    expect(json.rows[1]).not.toHaveProperty("brackets");
  });
});
