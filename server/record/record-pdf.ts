/**
 * The record as a PDF (pdfkit), A4 portrait: title, draft notice or final
 * line, the facts, then each section; text flows over as many pages as it
 * needs. Pages are buffered so every footer can say "Page n of N" (and the
 * fingerprint of a final record); a draft carries a DRAFT watermark.
 */
import PDFDocument from "pdfkit";
import type { Locale } from "../../core/locale";
import type { MeetingRecordView } from "../../core/record-contract";
import { registerPdfFonts } from "../export/pdf-font";
import { presentRecord } from "./record-present";

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 } as const;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export async function renderRecordPdf(record: MeetingRecordView, locale: Locale): Promise<Buffer> {
  const presented = presentRecord(record, locale);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: { Title: presented.title, Author: "Remit", Subject: presented.status },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const fonts = registerPdfFonts(doc);
  const write = (text: string, style: { size: number; bold?: boolean; color?: string; gap?: number }) => {
    doc
      .font(style.bold ? fonts.bold : fonts.regular)
      .fontSize(style.size)
      .fillColor(style.color ?? "#111111")
      .text(fonts.printable(text), { width: WIDTH });
    if (style.gap) doc.moveDown(style.gap);
  };

  write(presented.title, { size: 18, bold: true, gap: 0.4 });
  write(presented.status, { size: 11, bold: true, color: presented.isDraft ? "#B00020" : "#111111", gap: 0.4 });
  for (const fact of presented.facts) write(fact, { size: 9 });
  doc.moveDown(0.8);
  for (const section of presented.sections) {
    write(section.heading, { size: 13, bold: true, gap: 0.3 });
    for (const line of section.lines) write(line === "" ? " " : line, { size: 10 });
    doc.moveDown(0.8);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would open a new page: lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (presented.isDraft) {
      doc
        .save()
        .fillOpacity(0.07)
        .rotate(-40, { origin: [PAGE.width / 2, PAGE.height / 2] })
        .font(fonts.bold)
        .fontSize(110)
        .fillColor("#B00020")
        .text(fonts.printable(presented.words.locale === "fr" ? "PROJET" : "DRAFT"), 0, PAGE.height / 2 - 60, {
          width: PAGE.width,
          align: "center",
          lineBreak: false,
        })
        .restore();
    }
    doc.font(fonts.bold).fontSize(9).fillColor("#111111");
    for (const at of [MARGIN.top - 30, PAGE.height - MARGIN.bottom + 34])
      doc.text(fonts.printable(presented.marking), 0, at, { width: PAGE.width, align: "center", lineBreak: false });
    const y = PAGE.height - MARGIN.bottom + 20;
    doc.font(fonts.regular).fontSize(7).fillColor("#444444");
    if (presented.fingerprintLine)
      doc.text(fonts.printable(presented.fingerprintLine), MARGIN.left, y, { lineBreak: false });
    doc.text(fonts.printable(presented.words.page(i + 1, range.count)), PAGE.width - MARGIN.right - 100, y, {
      width: 100,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
