/** The shape every importer (CSV, XLSX, Remit JSON) returns, and its limits. */

import type { ImportLimit, ImportLimitName } from "../../core/import-contract";
import { containsBidiControls, showBidiControls } from "../export/bidi";
import { importLimit, limitMessage } from "./limits";

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from "./limits";

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

export type { ImportContext } from "../../core/import-contract";

export const fileError = (message: string, row = 0, column = "(file)"): ImportError => ({ row, column, message });

/** A file refused whole for going over a limit: no rows, one file error naming it, `limit` for the route's status. */
export function refuseImport(
  format: ImportResult["format"],
  name: ImportLimitName,
  max: number,
  found?: number,
): ImportResult {
  const limit: ImportLimit = importLimit(name, max);
  return { ...finishImport(format, { errors: [fileError(limitMessage(limit, found))] }), limit };
}

/** HARDEN-51: rows whose text holds bidirectional controls are named in the preview (they still import). */
function bidiWarnings(rows: readonly ImportedRow[]): string[] {
  return rows
    .filter((row) => containsBidiControls([row.title, row.value]))
    .map(
      (row) =>
        `Row ${row.line} (${showBidiControls(row.value?.title ?? row.title ?? "")}) contains bidirectional control ` +
        "characters, which can make text display in another order than it is stored.",
    );
}

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
    warnings: [...(parts.warnings ?? []), ...bidiWarnings(rows)],
  };
}
