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
// Apart, so the server's main thread can name files without loading the writers' packages (PERF-34).
export { exportFileName } from "./file-name";

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
