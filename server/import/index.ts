/**
 * One entry point for an uploaded matrix file: picks the importer from the
 * content itself (zip → XLSX, "{" → JSON, else CSV), so a wrong file
 * extension does not matter.
 */
import { importCsv } from "./csv";
import { importJson } from "./json";
import { importXlsx } from "./xlsx";
import type { ImportContext, ImportResult } from "./types";
import { detectImportFormat } from "./detect-format";

export type { ImportContext, ImportedInstrument, ImportedRow, ImportError, ImportResult } from "./types";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./types";
export { importCsv, importJson, importXlsx };
// Apart, so the server's main thread can check a format without loading the readers' packages (PERF-34).
export { detectImportFormat };

export async function importMatrixFile(data: Buffer, context: ImportContext): Promise<ImportResult> {
  switch (detectImportFormat(data)) {
    case "xlsx":
      return importXlsx(data, context);
    case "json":
      return importJson(data, context);
    default:
      return importCsv(data, context);
  }
}
