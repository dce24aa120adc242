/** The reservation/objection footnotes after the PDF table, flowing over pages. */
import { CONTENT, measure, put, type PdfContext } from "./pdf-layout";
import { EXPORT_LABELS, type ExportLabels } from "./labels";
import { formatUtc } from "./present";
import type { Footnote } from "./prepare";

const SIZE = 8;

export function footnoteText(note: Footnote, labels: ExportLabels = EXPORT_LABELS.en): string {
  const p = note.position;
  const who = `${p.delegation}${p.delegationName ? ` (${p.delegationName})` : ""}`;
  return labels.pdf.note(
    note.rowIndex + 1,
    note.rowTitle,
    who,
    labels.positions[p.position],
    p.text ?? "",
    p.recordedBy,
    formatUtc(p.recordedAt),
  );
}

export function drawFootnotes(ctx: PdfContext, top: number): void {
  const notes = ctx.prepared.footnotes;
  if (notes.length === 0) return;
  let y = top + 14;
  if (y + 40 > CONTENT.bottom) {
    ctx.doc.addPage();
    y = CONTENT.top;
  }
  put(ctx, ctx.prepared.labels.reservationsHeading, CONTENT.left, y, { size: 11, bold: true });
  y += 18;
  const width = CONTENT.width - 30;
  for (const note of notes) {
    const text = footnoteText(note, ctx.prepared.labels);
    // Each note stays whole; one longer than a page is clipped (full text in the other formats).
    const height = Math.min(CONTENT.bottom - CONTENT.top, measure(ctx, text, { size: SIZE }, { width }));
    if (y + height > CONTENT.bottom) {
      ctx.doc.addPage();
      y = CONTENT.top;
    }
    put(ctx, `[${note.number}]`, CONTENT.left, y, { size: SIZE, bold: true }, { lineBreak: false });
    put(ctx, text, CONTENT.left + 30, y, { size: SIZE }, { width, height: height + 0.5, ellipsis: true });
    y += height + 4;
  }
}
