import type { ImportResult } from "./types";

/** The importer an upload needs, from its first bytes: zip → XLSX, "{" → JSON, else CSV. */
export function detectImportFormat(data: Buffer): ImportResult["format"] {
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) return "xlsx";
  const start = data
    .subarray(0, 64)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  return start.startsWith("{") ? "json" : "csv";
}
