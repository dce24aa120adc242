/**
 * One entry point for an uploaded matrix file: picks the importer from the
 * content itself (zip → XLSX, "{" → JSON, else CSV), so a wrong file
 * extension does not matter.
 */
import { importCsv } from "./csv";
import { importJson } from "./json";
import { importXlsx } from "./xlsx";
import type { ImportContext, ImportResult } from "./types";

export type { ImportContext, ImportedInstrument, ImportedRow, ImportError, ImportResult } from "./types";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./types";
export { importCsv, importJson, importXlsx };

export function detectImportFormat(data: Buffer): ImportResult["format"] {
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) return "xlsx";
  const start = data
    .subarray(0, 64)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  return start.startsWith("{") ? "json" : "csv";
}

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
