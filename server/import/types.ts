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
import { messageRef, type MessageRef } from "../../core/message-ref";

export type { ImportContext } from "../../core/import-contract";

export const fileError = (message: MessageRef, row = 0, column = "(file)"): ImportError => ({ row, column, message });

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
function bidiWarnings(rows: readonly ImportedRow[]): MessageRef[] {
  return rows
    .filter((row) => containsBidiControls([row.title, row.value]))
    .map((row) =>
      messageRef("importErrors.bidi", {
        line: row.line,
        title: showBidiControls(row.value?.title ?? row.title ?? ""),
      }),
    );
}

export function finishImport(
  format: ImportResult["format"],
  parts: { rows?: ImportedRow[]; instruments?: ImportedInstrument[]; errors?: ImportError[]; warnings?: MessageRef[] },
): ImportResult {
  const rows = parts.rows ?? [];
  const errors = [...(parts.errors ?? [])];
  if (errors.length === 0 && rows.length === 0) errors.push(fileError(messageRef("importErrors.noThreats")));
  return {
    format,
    rows,
    instruments: parts.instruments ?? [],
    valid: errors.length === 0 && rows.every((row) => row.errors.length === 0),
    errors,
    warnings: [...(parts.warnings ?? []), ...bidiWarnings(rows)],
  };
}
