/**
 * The two pictures of the PDF, drawn as vector graphics (sharp at any zoom,
 * a few bytes each): the responsibility distribution bar and the
 * threat × instrument heatmap.
 */
import { countResponsibilities, RESPONSIBILITIES } from "../../core/board-doc";
import { SNAPSHOT_INSTRUMENT_OWNERS, type SnapshotInstrument } from "../../core/matrix-snapshot";
import { CONTENT, put, type PdfContext } from "./pdf-layout";
import { OWNER_COLOURS, RESPONSIBILITY_COLOURS } from "./present";

const EMPTY_CELL = "#EFEFEF";

function swatch(ctx: PdfContext, x: number, y: number, colour: string, size = 8): void {
  ctx.doc.rect(x, y, size, size).fill(colour);
}

/** Stacked bar NATO / EU / Shared / Unassigned with a legend; returns the y below it. */
export function drawDistributionBar(ctx: PdfContext, top: number): number {
  const { doc } = ctx;
  const counts = countResponsibilities(ctx.prepared.snapshot.rows);
  const total = RESPONSIBILITIES.reduce((sum, r) => sum + counts[r], 0);
  put(ctx, ctx.prepared.labels.distribution, CONTENT.left, top, { size: 11, bold: true });
  const barY = top + 17;
  const barH = 18;
  if (total === 0) doc.rect(CONTENT.left, barY, CONTENT.width, barH).fill(EMPTY_CELL);
  let x = CONTENT.left;
  for (const responsibility of RESPONSIBILITIES) {
    const width = total === 0 ? 0 : (CONTENT.width * counts[responsibility]) / total;
    if (width <= 0) continue;
    doc.rect(x, barY, width, barH).fill(RESPONSIBILITY_COLOURS[responsibility].strong);
    if (width > 50) {
      put(
        ctx,
        `${responsibility} ${counts[responsibility]}`,
        x + 4,
        barY + 5,
        { size: 8, bold: true, color: "#FFFFFF" },
        { lineBreak: false },
      );
    }
    x += width;
  }
  const legendY = barY + barH + 6;
  RESPONSIBILITIES.forEach((responsibility, i) => {
    const lx = CONTENT.left + i * 150;
    const share = total === 0 ? 0 : Math.round((100 * counts[responsibility]) / total);
    swatch(ctx, lx, legendY + 1, RESPONSIBILITY_COLOURS[responsibility].strong);
    put(
      ctx,
      `${responsibility}: ${counts[responsibility]} (${share}%)`,
      lx + 12,
      legendY,
      { size: 8 },
      { lineBreak: false },
    );
  });
  return legendY + 18;
}

/** Instruments linked at least once: library order first, then ids the snapshot does not describe. */
function linkedInstruments(ctx: PdfContext): { id: string; instrument?: SnapshotInstrument }[] {
  const linked = new Set(ctx.prepared.snapshot.rows.flatMap((row) => row.instrumentIds));
  const known = ctx.prepared.snapshot.instruments
    .filter((i) => linked.has(i.id))
    .map((i) => ({ id: i.id, instrument: i }));
  const unknown = [...linked]
    .filter((id) => !ctx.prepared.instrumentsById.has(id))
    .sort()
    .map((id) => ({ id }));
  return [...known, ...unknown];
}

function drawOwnerLegend(ctx: PdfContext, y: number): void {
  let x = CONTENT.left + 230;
  for (const owner of SNAPSHOT_INSTRUMENT_OWNERS) {
    swatch(ctx, x, y + 2, OWNER_COLOURS[owner]);
    put(ctx, owner, x + 11, y + 1, { size: 8 }, { lineBreak: false });
    x += 70;
  }
}

const LABEL_AREA = 78;
const ROW_LABEL_WIDTH = 34;

function drawColumnLabels(
  ctx: PdfContext,
  columns: { id: string; instrument?: SnapshotInstrument }[],
  x0: number,
  gridTop: number,
  cellW: number,
): void {
  if (cellW < 6) return; // too narrow to read; the caption says how many columns there are
  const size = Math.min(7, cellW - 1);
  columns.forEach((column, c) => {
    const x = x0 + c * cellW + (cellW - size) / 2;
    const y = gridTop - 3;
    ctx.doc.save().rotate(-90, { origin: [x, y] });
    put(
      ctx,
      column.instrument?.name ?? column.id,
      x,
      y,
      { size },
      { width: LABEL_AREA - 6, height: size + 2, ellipsis: true, lineBreak: false },
    );
    ctx.doc.restore();
  });
}

/**
 * Rows = threats, columns = linked instruments, cell filled with the owner's
 * colour when linked. Big boards are banded so the picture stays on one page.
 */
export function drawHeatmap(ctx: PdfContext, top: number, bottom: number): number {
  const { doc } = ctx;
  const rows = ctx.prepared.snapshot.rows;
  const columns = linkedInstruments(ctx);
  put(ctx, ctx.prepared.labels.pdf.links, CONTENT.left, top, { size: 11, bold: true });
  drawOwnerLegend(ctx, top + 1);
  if (rows.length === 0 || columns.length === 0) {
    put(ctx, ctx.prepared.labels.noInstrumentLinked, CONTENT.left, top + 18, { size: 9, color: "#555555" });
    return top + 34;
  }
  const gridTop = top + 18 + LABEL_AREA;
  const x0 = CONTENT.left + ROW_LABEL_WIDTH;
  const cellW = Math.min(22, (CONTENT.width - ROW_LABEL_WIDTH) / columns.length);
  const height = bottom - gridTop - 14;
  // Below 2 pt a row is no longer visible: group rows into bands and shade each band by the share linked.
  const perBand = Math.max(1, Math.ceil((rows.length * 2) / height));
  const bands = Math.ceil(rows.length / perBand);
  const cellH = Math.min(10, height / bands);
  drawColumnLabels(ctx, columns, x0, gridTop, cellW);
  doc.rect(x0, gridTop, cellW * columns.length, cellH * bands).fill(EMPTY_CELL);
  columns.forEach((column, c) => {
    const colour = column.instrument ? OWNER_COLOURS[column.instrument.owner] : "#444444";
    for (let b = 0; b < bands; b++) {
      const band = rows.slice(b * perBand, (b + 1) * perBand);
      const share = band.filter((row) => row.instrumentIds.includes(column.id)).length / band.length;
      if (share === 0) continue;
      doc
        .save()
        .fillOpacity(share)
        .rect(x0 + c * cellW, gridTop + b * cellH, cellW, cellH)
        .fill(colour)
        .restore();
    }
  });
  if (cellH >= 4 && cellW >= 4) drawGridLines(ctx, x0, gridTop, cellW, cellH, columns.length, bands);
  drawRowLabels(ctx, gridTop, cellH, bands, perBand, rows.length);
  const gridBottom = gridTop + cellH * bands;
  put(
    ctx,
    ctx.prepared.labels.pdf.linksCaption(rows.length, columns.length, perBand),
    x0,
    gridBottom + 3,
    { size: 7, color: "#555555" },
    { lineBreak: false },
  );
  return gridBottom + 14;
}

function drawGridLines(
  ctx: PdfContext,
  x0: number,
  y0: number,
  cellW: number,
  cellH: number,
  cols: number,
  rows: number,
): void {
  const { doc } = ctx;
  doc.save().lineWidth(0.5).strokeColor("#FFFFFF");
  for (let c = 1; c < cols; c++) doc.moveTo(x0 + c * cellW, y0).lineTo(x0 + c * cellW, y0 + rows * cellH);
  for (let r = 1; r < rows; r++) doc.moveTo(x0, y0 + r * cellH).lineTo(x0 + cols * cellW, y0 + r * cellH);
  doc.stroke().restore();
}

function drawRowLabels(ctx: PdfContext, y0: number, cellH: number, bands: number, perBand: number, rows: number): void {
  const style = { size: 6, color: "#555555" };
  const options = { width: ROW_LABEL_WIDTH - 4, align: "right" as const, lineBreak: false };
  if (cellH >= 7 && perBand === 1) {
    for (let r = 0; r < rows; r++)
      put(ctx, String(r + 1), CONTENT.left, y0 + r * cellH + (cellH - 6) / 2, style, options);
    return;
  }
  put(ctx, "1", CONTENT.left, y0, style, options);
  put(ctx, String(rows), CONTENT.left, y0 + bands * cellH - 7, style, options);
}
