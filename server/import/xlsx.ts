/**
 * XLSX import (exceljs): the "Matrix" sheet (or the first sheet) with the
 * export's column names in a header row among the first 10 rows (the export
 * puts a banner above it), and custom instruments from an "Instruments"
 * sheet (rows with Custom = yes). Formula cells are never evaluated: their
 * cached result is read as text.
 */
import ExcelJS from "exceljs";
import { restoreBidiControls } from "../export/bidi";
import { INSTRUMENT_SHEET_COLUMNS } from "../export/xlsx";
import { checkSize } from "./decode";
import {
  createInstrumentResolver,
  newCustomInstruments,
  parseInstrumentCell,
  readCustomInstrument,
} from "./instruments";
import { createCategoryMatcher, validateRow, type RawField } from "./row-fields";
import { isTitleHeader, mapHeader, MATRIX_LABELS } from "./sheet-columns";
import { scanWorkbook } from "./xlsx-scan";
import {
  MAX_IMPORT_ROWS,
  fileError,
  finishImport,
  refuseImport,
  type ImportContext,
  type ImportedInstrument,
  type ImportError,
  type ImportResult,
} from "./types";
import { messageRef } from "../../core/message-ref";

/** Text of a cell whatever exceljs made of it (rich text, hyperlink, number, date, formula result). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? "" : String(value.result);
  if ("text" in value) return String(value.text);
  return cell.text ?? "";
}

/**
 * The cells of one row, as wide as that row (exceljs' Row.cellCount is the
 * row's own length). Never `sheet.columnCount`: it walks every row, so asking
 * it once per row made reading quadratic (a 40,000-row sheet took minutes).
 */
const rowCells = (row: ExcelJS.Row, width = row.cellCount) =>
  // ⟨U+202E⟩ as the XLSX export shows a bidi control reads back as the control (HARDEN-54).
  Array.from({ length: width }, (_, i) => restoreBidiControls(cellText(row.getCell(i + 1))));

function findHeader(sheet: ExcelJS.Worksheet): number | null {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const cells = rowCells(sheet.getRow(r));
    if (cells.some(isTitleHeader)) return r;
  }
  return null;
}

function readInstruments(workbook: ExcelJS.Workbook): { custom: ImportedInstrument[]; errors: ImportError[] } {
  const sheet = workbook.getWorksheet("Instruments");
  const custom: ImportedInstrument[] = [];
  const errors: ImportError[] = [];
  if (!sheet) return { custom, errors };
  const header = rowCells(sheet.getRow(1)).map((h) => h.trim().toLowerCase());
  const at = (cells: string[], name: string) => cells[header.indexOf(name.toLowerCase())] ?? "";
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = rowCells(sheet.getRow(r), header.length);
    if (!["yes", "true", "1"].includes(at(cells, "Custom").trim().toLowerCase())) continue;
    const [id, name, owner, kind, year, reference] = INSTRUMENT_SHEET_COLUMNS.slice(0, 6).map((c) => at(cells, c));
    const read = readCustomInstrument({ id, name, owner, kind, year, reference }, r, (f) => `Instruments!${f}`);
    errors.push(...read.errors);
    if (read.value) custom.push(read.value);
  }
  return { custom, errors };
}

async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook | ImportError> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it actually reads.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    return workbook;
  } catch {
    // exceljs's own message is English and technical; the reader is told the file is not a workbook.
    return fileError(messageRef("importErrors.notXlsx"));
  }
}

export async function importXlsx(data: Buffer, context: ImportContext): Promise<ImportResult> {
  const tooBig = checkSize("xlsx", data.byteLength);
  if (tooBig) return tooBig;
  // Limits first (inflated bytes, rows, cells, field length), from the zip itself: exceljs only sees a workbook within them.
  const scanned = scanWorkbook(data);
  if (scanned && "error" in scanned) return finishImport("xlsx", { errors: [fileError(scanned.error)] });
  if (scanned) return scanned;
  const workbook = await loadWorkbook(data);
  if (!(workbook instanceof ExcelJS.Workbook)) return finishImport("xlsx", { errors: [workbook] });
  const sheet = workbook.getWorksheet("Matrix") ?? workbook.worksheets[0];
  const headerRow = sheet ? findHeader(sheet) : null;
  if (!sheet || headerRow === null) {
    return finishImport("xlsx", {
      errors: [fileError(messageRef("importErrors.noHeaderRow", { rows: 10 }))],
    });
  }
  const header = rowCells(sheet.getRow(headerRow));
  const columns = mapHeader(header, headerRow);
  if ("error" in columns) return finishImport("xlsx", { errors: [columns.error] });
  const lines: { line: number; cells: string[] }[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const cells = rowCells(sheet.getRow(r), header.length);
    if (cells.some((cell) => cell.trim() !== "")) lines.push({ line: r, cells });
    if (lines.length > MAX_IMPORT_ROWS) return refuseImport("xlsx", "rows", MAX_IMPORT_ROWS);
  }
  const { custom, errors } = readInstruments(workbook);
  const resolve = createInstrumentResolver(context, custom, { proposeUnknownNames: true });
  const matchCategory = createCategoryMatcher(context);
  const get = (cells: string[], field: RawField) => {
    const index = columns.index[field];
    return index === undefined ? "" : (cells[index] ?? "");
  };
  const rows = lines.map(({ line, cells }) =>
    validateRow(
      {
        title: get(cells, "title"),
        category: get(cells, "category"),
        responsibility: get(cells, "responsibility"),
        lead: get(cells, "lead"),
        instruments: parseInstrumentCell(get(cells, "instruments")),
        notes: get(cells, "notes"),
        description: get(cells, "description"),
      },
      line,
      MATRIX_LABELS,
      resolve,
      matchCategory,
    ),
  );
  return finishImport("xlsx", {
    rows,
    instruments: [...newCustomInstruments(context, custom), ...resolve.proposals()],
    errors,
    warnings: columns.warnings,
  });
}
