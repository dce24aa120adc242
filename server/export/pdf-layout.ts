/** Page geometry and the drawing context shared by the PDF modules. */
import type { PdfFonts } from "./pdf-font";
import type { PreparedExport } from "./prepare";

// A4 landscape in points; the bottom margin leaves room for the footer line.
export const PAGE = { width: 841.89, height: 595.28 } as const;
export const MARGIN = { top: 36, bottom: 44, left: 36, right: 36 } as const;
export const CONTENT = {
  left: MARGIN.left,
  right: PAGE.width - MARGIN.right,
  top: MARGIN.top,
  bottom: PAGE.height - MARGIN.bottom,
  width: PAGE.width - MARGIN.left - MARGIN.right,
} as const;

export interface PdfContext {
  doc: PDFKit.PDFDocument;
  fonts: PdfFonts;
  prepared: PreparedExport;
}

/** Text in the given font/size/colour, passed through the font's printable filter. */
export function put(
  ctx: PdfContext,
  text: string,
  x: number,
  y: number,
  style: { size: number; bold?: boolean; color?: string },
  options: PDFKit.Mixins.TextOptions = {},
): void {
  ctx.doc
    .font(style.bold ? ctx.fonts.bold : ctx.fonts.regular)
    .fontSize(style.size)
    .fillColor(style.color ?? "#111111")
    .text(ctx.fonts.printable(text), x, y, options);
}

/** Height the same call to `put` would take. */
export function measure(
  ctx: PdfContext,
  text: string,
  style: { size: number; bold?: boolean },
  options: PDFKit.Mixins.TextOptions,
): number {
  return ctx.doc
    .font(style.bold ? ctx.fonts.bold : ctx.fonts.regular)
    .fontSize(style.size)
    .heightOfString(ctx.fonts.printable(text), options);
}
