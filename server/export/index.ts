/**
 * One entry point for routes: export a snapshot in a named format, with a
 * file name that says which board and version (or DRAFT) it is.
 */
import type { Locale } from "../../core/locale";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import type { ExportFormat } from "../../core/version-contract";
import { exportCsv } from "./csv";
import { exportJson } from "./json";
import { exportMarkdown } from "./markdown";
import { exportPdf, type PdfOptions } from "./pdf";
import type { ExportFile } from "./prepare";
import { exportXlsx } from "./xlsx";

export { EXPORT_FORMATS, type ExportFormat } from "../../core/version-contract";
export type { ExportFile, PdfOptions };
export { exportCsv, exportJson, exportMarkdown, exportPdf, exportXlsx };
export { fingerprintSnapshot } from "./fingerprint";

/** `locale`: the language of the file's words (labels.ts); JSON is data only and has none. */
export async function exportMatrix(
  format: ExportFormat,
  snapshot: MatrixSnapshot,
  options: PdfOptions & { locale?: Locale } = {},
): Promise<ExportFile> {
  const locale = options.locale ?? "en";
  switch (format) {
    case "csv":
      return exportCsv(snapshot, locale);
    case "xlsx":
      return exportXlsx(snapshot, locale);
    case "json":
      return exportJson(snapshot);
    case "md":
      return exportMarkdown(snapshot, locale);
    case "pdf":
      return exportPdf(snapshot, { ...options, locale });
  }
}

/**
 * "hybrid-threats-lodz-working-group-v3.pdf" / "…-draft.pdf": ASCII only, so
 * it is safe in a Content-Disposition header without RFC 5987 encoding.
 * With a date: "…-v3-2025-03-05.pdf" (UTC day; routes pass the publication
 * date of a version, the export time of a draft).
 */
export function exportFileName(snapshot: MatrixSnapshot, extension: string, date?: Date): string {
  const slug =
    snapshot.board.title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łŁ]/g, "l")
      .replace(/[øØ]/g, "o")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "board";
  const day = date && !Number.isNaN(date.getTime()) ? `-${date.toISOString().slice(0, 10)}` : "";
  return `${slug}-${snapshot.version ? `v${snapshot.version.number}` : "draft"}${day}.${extension}`;
}
