/**
 * PDF export (pdfkit), A4 landscape: title block (board, version or DRAFT,
 * date, publisher, procedure, delegations present), the distribution bar and
 * heatmap, the matrix table, the reservation footnotes; on every page a
 * footer with the fingerprint and "Page n of N", the marking at the top and bottom, and a DRAFT watermark when
 * the snapshot is the live board. Pages are buffered so the footer can know N.
 */
import { forumLines } from "./forum-lines";
import PDFDocument from "pdfkit";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import { drawDistributionBar, drawHeatmap } from "./pdf-charts";
import { registerPdfFonts } from "./pdf-font";
import { CONTENT, MARGIN, PAGE, measure, put, type PdfContext } from "./pdf-layout";
import { drawFootnotes } from "./pdf-notes";
import { drawMatrixTable } from "./pdf-table";
import { prepareExport, type ExportFile } from "./prepare";
import type { Locale } from "../../core/locale";
import { bidiNotice, formatUtc, versionLine } from "./present";

export interface PdfOptions {
  /** Printed as the date of a DRAFT (a live board has no publication date). Default: now. */
  now?: Date;
  /** "standard" forces the Helvetica fallback (used by tests of the fallback path). */
  font?: "unicode" | "standard";
  /** The language of the file's words (labels.ts). Default: English. */
  locale?: Locale;
}

function drawTitleBlock(ctx: PdfContext, now: Date): number {
  const { doc, prepared } = ctx;
  const { snapshot, labels } = prepared;
  const titleOptions = { width: CONTENT.width };
  put(ctx, snapshot.board.title, CONTENT.left, CONTENT.top, { size: 18, bold: true }, titleOptions);
  let y = CONTENT.top + measure(ctx, snapshot.board.title, { size: 18, bold: true }, titleOptions) + 6;
  if (prepared.isDraft) {
    doc.rect(CONTENT.left, y, CONTENT.width, 22).fill("#B00020");
    put(
      ctx,
      labels.draftNotice,
      CONTENT.left + 8,
      y + 5,
      { size: 11, bold: true, color: "#FFFFFF" },
      { lineBreak: false },
    );
  } else {
    put(
      ctx,
      versionLine(snapshot, labels),
      CONTENT.left,
      y + 3,
      { size: 13, bold: true },
      { width: CONTENT.width, height: 18, ellipsis: true },
    );
  }
  y += 28;
  const version = snapshot.version;
  const { pdf } = labels;
  // French puts a no-break space before the colon.
  const colon = labels.locale === "fr" ? "\u00a0: " : ": ";
  const lines = [
    `${pdf.date}${colon}${
      version ? formatUtc(version.publishedAt) : `${formatUtc(now.toISOString())} (${pdf.exportedLive})`
    }`,
    `${pdf.publishedBy}${colon}${
      version
        ? `${version.publishedBy.name}${version.publishedBy.delegation ? ` (${version.publishedBy.delegation})` : ""}`
        : pdf.notPublished
    }`,
    `${pdf.procedure}${colon}${version ? labels.procedures[version.procedure] : "—"}`,
    `${labels.delegationsPresent}${colon}${snapshot.delegationsPresent.join(", ") || "—"}`,
    ...forumPdfLines(snapshot, labels.locale, colon),
    `${pdf.threats}${colon}${new Intl.NumberFormat(labels.locale).format(snapshot.rows.length)}`,
    labels.languageLine,
    ...[bidiNotice(prepared)].filter((line): line is string => line !== null),
  ];
  for (const line of lines) {
    put(ctx, line, CONTENT.left, y, { size: 9 }, { width: CONTENT.width, height: 12, ellipsis: true });
    y += 13;
  }
  return y + 8;
}

/** The marking, centred, above the content and below the footer of every page (MARK-5). */
function drawMarking(ctx: PdfContext, y: number): void {
  put(
    ctx,
    ctx.prepared.marking,
    CONTENT.left,
    y,
    { size: 8, bold: true, color: "#111111" },
    { width: CONTENT.width, align: "center", lineBreak: false },
  );
}

function drawPageFurniture(ctx: PdfContext): void {
  const { doc, prepared } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (prepared.isDraft) {
      doc
        .save()
        .fillOpacity(0.08)
        .rotate(-28, { origin: [PAGE.width / 2, PAGE.height / 2] });
      put(
        ctx,
        prepared.labels.pdf.watermark,
        0,
        PAGE.height / 2 - 70,
        { size: 140, bold: true, color: "#B00020" },
        { width: PAGE.width, align: "center", lineBreak: false },
      );
      doc.restore();
    }
    drawMarking(ctx, MARGIN.top - 22);
    drawMarking(ctx, PAGE.height - 14);
    const y = PAGE.height - MARGIN.bottom + 14;
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor("#999999")
      .moveTo(CONTENT.left, y - 5)
      .lineTo(CONTENT.right, y - 5)
      .stroke()
      .restore();
    put(
      ctx,
      `${prepared.labels.fingerprint}: ${prepared.fingerprint}`,
      CONTENT.left,
      y,
      { size: 7, color: "#444444" },
      { lineBreak: false },
    );
    put(
      ctx,
      prepared.labels.page(i + 1, range.count),
      CONTENT.right - 100,
      y,
      { size: 7, color: "#444444" },
      { width: 100, align: "right", lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}

export async function renderPdf(
  snapshot: MatrixSnapshot,
  options: PdfOptions = {},
): Promise<{ body: Buffer; fingerprint: string; pages: number }> {
  const prepared = prepareExport(snapshot, { locale: options.locale });
  const created = new Date(prepared.snapshot.version?.publishedAt ?? (options.now ?? new Date()).toISOString());
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `${prepared.snapshot.board.title} — ${versionLine(prepared.snapshot, prepared.labels)}`,
      Author: "Remit",
      Subject: `SHA-256 fingerprint ${prepared.fingerprint}`,
      CreationDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const ctx: PdfContext = { doc, fonts: registerPdfFonts(doc, options.font), prepared };
  let y = drawTitleBlock(ctx, options.now ?? new Date());
  y = drawDistributionBar(ctx, y);
  // The heatmap takes the rest of the first page, or a page of its own when little is left.
  if (CONTENT.bottom - y < 160) {
    doc.addPage();
    y = CONTENT.top;
  }
  drawHeatmap(ctx, y + 6, CONTENT.bottom);
  y = drawMatrixTable(ctx);
  drawFootnotes(ctx, y);
  const pages = doc.bufferedPageRange().count;
  drawPageFurniture(ctx);
  doc.end();
  await finished;
  return { body: Buffer.concat(chunks), fingerprint: prepared.fingerprint, pages };
}

export async function exportPdf(snapshot: MatrixSnapshot, options: PdfOptions = {}): Promise<ExportFile> {
  const { body, fingerprint } = await renderPdf(snapshot, options);
  return { body, contentType: "application/pdf", extension: "pdf", fingerprint };
}

/** Forum and membership lines of the PDF header (decision 018); none for a version from before forums. */
function forumPdfLines(snapshot: MatrixSnapshot, locale: Locale, colon: string): string[] {
  const forum = forumLines(snapshot, locale);
  if (!forum) return [];
  // A header line is cut at the page width: four delegations a line keeps the whole list readable.
  const names = (snapshot.membership ?? []).map((m) => `${m.name} (${forum.standingOf(m.standing)})`);
  const chunks: string[] = [];
  for (let i = 0; i < names.length; i += 4) chunks.push(names.slice(i, i + 4).join(", "));
  return [
    `${forum.forumLabel}${colon}${forum.forum}`,
    ...(chunks.length > 0 ? chunks : ["—"]).map(
      (chunk, i) => (i === 0 ? `${forum.membershipLabel}${colon}` : "") + chunk,
    ),
  ];
}
