/**
 * XLSX export (exceljs). Every cell is written as a plain string — never a
 * formula object — and text that starts like a formula gets the same
 * apostrophe as in CSV, so the workbook stays inert even if someone later
 * retypes or copies a cell. Sheets: Matrix, Instruments, Positions, Metadata.
 */
import ExcelJS from "exceljs";
import type { Locale } from "../../core/locale";
import { EXPORT_LABELS } from "./labels";
import { MATRIX_COLUMNS, RESPONSIBILITY_COLOURS, matrixCells } from "./present";
import { prepareExport, type ExportFile, type PreparedExport } from "./prepare";
import { metadataEntries } from "./xlsx-metadata";

import type { MatrixSnapshot } from "../../core/matrix-snapshot";

const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER_FILL = "FF1F2A44";
const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: hex } });

// Characters XML 1.0 forbids (exceljs writes them raw and the workbook no longer opens),
// e.g. a vertical tab pasted from Word: replaced by U+FFFD.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML turns CR into LF when the file is read, so line breaks are made LF.
 * No apostrophe against formulas: every cell is written as a typed string
 * (t="s"), which no spreadsheet evaluates (HARDEN-49; CSV keeps the apostrophe).
 */
export const xlsxText = (value: string) => value.replace(/\r\n?/g, "\n").replace(XML_INVALID, "\uFFFD");

/** Adds a row of neutralised strings. */
function addTextRow(sheet: ExcelJS.Worksheet, values: readonly string[]): ExcelJS.Row {
  return sheet.addRow(values.map(xlsxText));
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: "FFFFFFFF" } };
  row.eachCell((cell) => {
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}

function setWidths(sheet: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

function addMatrixSheet(workbook: ExcelJS.Workbook, prepared: PreparedExport): void {
  const { snapshot, labels } = prepared;
  // Row 1 is a banner (board, version or DRAFT); row 2 the header; both stay frozen.
  const sheet = workbook.addWorksheet(labels.sheets.matrix, { views: [{ state: "frozen", ySplit: 2 }] });
  const banner = `${snapshot.board.title} — ${
    prepared.isDraft ? labels.draftNotice : labels.version(snapshot.version!.number, snapshot.version!.title)
  }`;
  addTextRow(sheet, [banner]).font = {
    bold: true,
    size: 14,
    color: { argb: prepared.isDraft ? "FFB00020" : "FF000000" },
  };
  sheet.mergeCells(1, 1, 1, MATRIX_COLUMNS.length);
  styleHeader(addTextRow(sheet, [...labels.columns]));
  for (const row of snapshot.rows) {
    const added = addTextRow(sheet, matrixCells(row, prepared.instrumentsById, labels));
    added.alignment = { vertical: "top", wrapText: true };
    added.getCell(3).fill = solid(argb(RESPONSIBILITY_COLOURS[row.responsibility].tint));
  }
  setWidths(sheet, [40, 14, 15, 9, 40, 30, 50, 14, 30, 40]);
  sheet.autoFilter = {
    from: { row: 2, column: 1 },
    to: { row: 2 + snapshot.rows.length, column: MATRIX_COLUMNS.length },
  };
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: string[][],
  widths: number[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  styleHeader(addTextRow(sheet, header));
  for (const row of rows) addTextRow(sheet, row).alignment = { vertical: "top", wrapText: true };
  setWidths(sheet, widths);
}

export const INSTRUMENT_SHEET_COLUMNS = [...EXPORT_LABELS.en.instrumentColumns];

function addInstrumentsSheet(workbook: ExcelJS.Workbook, { snapshot, labels }: PreparedExport): void {
  const linked = new Map<string, number>();
  for (const row of snapshot.rows) for (const id of row.instrumentIds) linked.set(id, (linked.get(id) ?? 0) + 1);
  const rows = snapshot.instruments.map((i) => [
    i.id,
    i.name,
    i.owner,
    i.kind,
    i.year === null ? "" : String(i.year),
    i.reference,
    i.custom ? labels.metadata.yes : labels.metadata.no,
    String(linked.get(i.id) ?? 0),
  ]);
  addTable(workbook, labels.sheets.instruments, [...labels.instrumentColumns], rows, [18, 40, 10, 14, 8, 20, 8, 14]);
}

function addPositionsSheet(workbook: ExcelJS.Workbook, prepared: PreparedExport): void {
  const header = [...prepared.labels.positionColumns];
  const notes = new Map(prepared.footnotes.map((note) => [note.position, note.number]));
  const rows = prepared.snapshot.rows.flatMap((row, index) =>
    row.positions.map((p) => [
      String(index + 1),
      row.title,
      p.delegation,
      p.delegationName,
      p.position,
      p.text ?? "",
      notes.has(p) ? `[${notes.get(p)}]` : "",
      p.recordedBy,
      p.recordedAt,
    ]),
  );
  addTable(workbook, prepared.labels.sheets.positions, header, rows, [6, 40, 11, 18, 22, 50, 9, 22, 24]);
}

/** The marking centred in the printed header and footer of every sheet (MARK-5); "&" is the codes' escape. */
function markEverySheet(workbook: ExcelJS.Workbook, marking: string): void {
  const text = `&C&"-,Bold"${marking.replace(/&/g, "&&")}`;
  for (const sheet of workbook.worksheets)
    sheet.headerFooter = { ...sheet.headerFooter, oddHeader: text, oddFooter: `${text}&R&P / &N` };
}

async function renderXlsx(
  snapshot: MatrixSnapshot,
  locale: Locale = "en",
): Promise<{ body: Buffer; fingerprint: string }> {
  const prepared = prepareExport(snapshot, { locale });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Remit";
  // Fixed dates keep the workbook's own metadata from varying between two exports of one version.
  const stamp = new Date(prepared.snapshot.version?.publishedAt ?? 0);
  workbook.created = stamp;
  workbook.modified = stamp;
  addMatrixSheet(workbook, prepared);
  addInstrumentsSheet(workbook, prepared);
  addPositionsSheet(workbook, prepared);
  const { metadata } = prepared.labels;
  addTable(
    workbook,
    prepared.labels.sheets.metadata,
    [metadata.field, metadata.value],
    metadataEntries(prepared),
    [24, 80],
  );
  markEverySheet(workbook, prepared.marking);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, fingerprint: prepared.fingerprint };
}

export async function exportXlsx(snapshot: MatrixSnapshot, locale: Locale = "en"): Promise<ExportFile> {
  const { body, fingerprint } = await renderXlsx(snapshot, locale);
  return { body, contentType: XLSX_CONTENT_TYPE, extension: "xlsx", fingerprint };
}
