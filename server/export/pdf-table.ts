/**
 * The matrix table of the PDF: wrapped cells, rows never split across pages,
 * the header repeated on every page, a colour swatch before each
 * responsibility and [n] marks pointing to the reservation footnotes.
 * A row taller than a page (10,000-character notes) is clipped with an
 * ellipsis; the full text is in the CSV/XLSX/JSON exports.
 */
import { responsibilityText, titleText } from "../../core/bracket-text";
import type { SnapshotRow } from "../../core/matrix-snapshot";
import { CONTENT, measure, put, type PdfContext } from "./pdf-layout";
import { RESPONSIBILITY_COLOURS, positionsSummary } from "./present";

const PAD = 3;
const SIZE = 7.5;
const MAX_CHARS = 1500; // beyond this a cell is clipped anyway; measuring less keeps big boards fast
const SWATCH = 7;

/** Column widths; the header words come from the file's labels (labels.ts `table`). */
const COLUMN_SPEC = [
  { label: "number", weight: 22 },
  { label: "threat", weight: 165 },
  { label: "category", weight: 58 },
  { label: "responsibility", weight: 80 },
  { label: "lead", weight: 36 },
  { label: "instruments", weight: 130 },
  { label: "state", weight: 46 },
  { label: "positions", weight: 120 },
  { label: "notes", weight: 112 },
] as const;

const totalWeight = COLUMN_SPEC.reduce((sum, c) => sum + c.weight, 0);
const COLUMNS = COLUMN_SPEC.map((c, i) => ({
  label: c.label,
  width: (CONTENT.width * c.weight) / totalWeight,
  x: CONTENT.left + (CONTENT.width * COLUMN_SPEC.slice(0, i).reduce((s, x) => s + x.weight, 0)) / totalWeight,
}));

interface Cell {
  text: string;
  bold?: boolean;
  /** Second, smaller paragraph (the description under a title). */
  detail?: string;
  swatch?: string;
}

function cellsOf(ctx: PdfContext, row: SnapshotRow, index: number): Cell[] {
  const { instrumentsById, footnotesByRow } = ctx.prepared;
  const refs = (footnotesByRow.get(row.id) ?? []).map((note) => `[${note.number}]`).join(" ");
  const clip = (text: string) => (text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) + "…" : text);
  return [
    { text: String(index + 1) },
    { text: clip(titleText(row)), bold: true, detail: clip(row.description) },
    { text: ctx.prepared.labels.categories[row.category] },
    { text: responsibilityText(row), swatch: RESPONSIBILITY_COLOURS[row.responsibility].strong },
    { text: row.lead ?? "—" },
    { text: clip(row.instrumentIds.map((id) => instrumentsById.get(id)?.name ?? id).join("; ")) },
    { text: row.workflowState },
    { text: [positionsSummary(row, ctx.prepared.labels), refs].filter(Boolean).join(" ") },
    { text: clip(row.notes) },
  ];
}

const textWidth = (i: number, cell: Cell) => COLUMNS[i].width - 2 * PAD - (cell.swatch ? SWATCH + 3 : 0);

function cellHeight(ctx: PdfContext, cell: Cell, i: number): number {
  const width = textWidth(i, cell);
  let height = cell.text ? measure(ctx, cell.text, { size: SIZE, bold: cell.bold }, { width }) : 0;
  if (cell.detail) height += 2 + measure(ctx, cell.detail, { size: SIZE - 1 }, { width });
  return height + 2 * PAD;
}

function drawCell(ctx: PdfContext, cell: Cell, i: number, y: number, rowHeight: number, header = false): void {
  const x = COLUMNS[i].x + PAD + (cell.swatch ? SWATCH + 3 : 0);
  const width = textWidth(i, cell);
  const available = rowHeight - 2 * PAD;
  if (cell.swatch) ctx.doc.rect(COLUMNS[i].x + PAD, y + PAD + 1, SWATCH, SWATCH).fill(cell.swatch);
  const style = { size: SIZE, bold: cell.bold || header, color: header ? "#FFFFFF" : "#111111" };
  const titleHeight = Math.min(available, measure(ctx, cell.text, style, { width }));
  put(ctx, cell.text, x, y + PAD, style, { width, height: titleHeight + 0.5, ellipsis: true });
  const rest = available - titleHeight - 2;
  if (cell.detail && rest >= SIZE) {
    put(
      ctx,
      cell.detail,
      x,
      y + PAD + titleHeight + 2,
      { size: SIZE - 1, color: "#555555" },
      { width, height: rest, ellipsis: true },
    );
  }
}

function drawHeader(ctx: PdfContext, y: number): number {
  const cells = COLUMNS.map((c) => ({ text: ctx.prepared.labels.table[c.label] }));
  const height = Math.max(...cells.map((cell, i) => cellHeight(ctx, { ...cell, bold: true }, i)));
  ctx.doc.rect(CONTENT.left, y, CONTENT.width, height).fill("#1F2A44");
  cells.forEach((cell, i) => drawCell(ctx, cell, i, y, height, true));
  return y + height;
}

/** Draws the table from a fresh page on; returns the y after the last row. */
export function drawMatrixTable(ctx: PdfContext): number {
  const { doc } = ctx;
  doc.addPage();
  put(ctx, ctx.prepared.labels.matrix, CONTENT.left, CONTENT.top, { size: 13, bold: true });
  const first = CONTENT.top + 20;
  let y = drawHeader(ctx, first);
  // Tallest row that fits under the header on any page (the first has the "Matrix" heading too).
  const maxRow = CONTENT.bottom - y;
  ctx.prepared.snapshot.rows.forEach((row, index) => {
    const cells = cellsOf(ctx, row, index);
    const height = Math.min(maxRow, Math.max(...cells.map((cell, i) => cellHeight(ctx, cell, i))));
    if (y + height > CONTENT.bottom) {
      doc.addPage();
      y = drawHeader(ctx, CONTENT.top);
    }
    if (index % 2 === 1) doc.rect(CONTENT.left, y, CONTENT.width, height).fill("#F5F6F8");
    cells.forEach((cell, i) => drawCell(ctx, cell, i, y, height));
    doc
      .save()
      .lineWidth(0.3)
      .strokeColor("#C8CCD4")
      .moveTo(CONTENT.left, y + height)
      .lineTo(CONTENT.right, y + height)
      .stroke()
      .restore();
    y += height;
  });
  if (ctx.prepared.snapshot.rows.length === 0) {
    put(ctx, ctx.prepared.labels.noThreats, CONTENT.left, y + 6, { size: 9, color: "#555555" });
    y += 24;
  }
  return y;
}
