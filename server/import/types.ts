/** The shape every importer (CSV, XLSX, Remit JSON) returns, and its limits. */

export { MAX_IMPORT_BYTES } from "../../core/import-contract";
/** 5,000 threats: far above a real board, far below what could hurt the server. */
export const MAX_IMPORT_ROWS = 5_000;
/** XLSX is a zip: also cap what it declares it unpacks to (zip-bomb guard). */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;

/**
 * The result types are the contract of core/import-contract.ts. An imported
 * instrument's `id` is the id used in the file: rows refer to it in
 * instrumentIds, so the caller creates it and replaces that id with the new one.
 */
export type {
  ImportProblem as ImportError,
  PreviewRow as ImportedRow,
  PreviewInstrument as ImportedInstrument,
  ImportResult,
} from "../../core/import-contract";
import type {
  ImportProblem as ImportError,
  PreviewRow as ImportedRow,
  PreviewInstrument as ImportedInstrument,
  ImportResult,
} from "../../core/import-contract";

/** What the board already has: the shared library plus its custom instruments. */
export interface ImportContext {
  instruments: ReadonlyArray<{ id: string; name: string }>;
}

export const fileError = (message: string, row = 0, column = "(file)"): ImportError => ({ row, column, message });

export function finishImport(
  format: ImportResult["format"],
  parts: { rows?: ImportedRow[]; instruments?: ImportedInstrument[]; errors?: ImportError[]; warnings?: string[] },
): ImportResult {
  const rows = parts.rows ?? [];
  const errors = [...(parts.errors ?? [])];
  if (errors.length === 0 && rows.length === 0) errors.push(fileError("The file contains no threats."));
  return {
    format,
    rows,
    instruments: parts.instruments ?? [],
    valid: errors.length === 0 && rows.every((row) => row.errors.length === 0),
    errors,
    warnings: parts.warnings ?? [],
  };
}
