/** The shape every importer (CSV, XLSX, Remit JSON) returns, and its limits. */
import type { NewRowInput } from "../../app/lib/board-doc";
import type { NewInstrumentInput } from "../../app/load-context";

/** 5 MiB / 5,000 threats: far above a real board, far below what could hurt the server. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;
/** XLSX is a zip: also cap what it declares it unpacks to (zip-bomb guard). */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** row: the line (CSV), sheet row (XLSX) or 1-based rows[] index (JSON); 0 for the whole file. */
export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface ImportedRow {
  line: number;
  /** Present only when the row has no errors. */
  value?: NewRowInput;
  errors: ImportError[];
}

/**
 * A custom instrument defined in the file and not yet known to the board.
 * `id` is the id used in the file: rows refer to it in instrumentIds, so the
 * caller creates the instrument and replaces that id with the new one.
 */
export interface ImportedInstrument extends NewInstrumentInput {
  id: string;
}

export interface ImportResult {
  format: "csv" | "xlsx" | "json";
  rows: ImportedRow[];
  instruments: ImportedInstrument[];
  /** True only when the file and every row are free of errors and there is at least one row. */
  valid: boolean;
  /** Errors about the file as a whole (size, encoding, missing column, bad custom instrument). */
  errors: ImportError[];
  /** Things worth telling the user that do not block the import. */
  warnings: string[];
}

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
