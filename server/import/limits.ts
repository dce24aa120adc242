/**
 * What an import may hold, checked while the file is read and before the
 * expensive work (exceljs, validation, zod): a file over a limit is refused
 * with 413 (size-like: bytes, inflated bytes, rows, cells) or 422 (shape:
 * nesting depth, field length), and the refusal names the limit.
 * See docs/attack-suite.md (HARDEN-11…) and docs/export-formats.md.
 */
import type { ImportLimit, ImportLimitName } from "../../core/import-contract";
import { MAX_IMPORT_BYTES } from "../../core/import-contract";
import { messageRef, type MessageRef } from "../../core/message-ref";

export { MAX_IMPORT_BYTES };
/** 5,000 threats: far above a real board, far below what could hurt the server. */
export const MAX_IMPORT_ROWS = 5_000;
/** Sheet rows or CSV records besides the threats: header, banner, #remit: metadata, custom instruments. */
export const MAX_EXTRA_RECORDS = 1_000;
/** Cells in the rows read (CSV records, the XLSX matrix sheet); a threat has 10 columns. */
export const MAX_IMPORT_CELLS = 200_000;
/** Cells in the whole workbook (the export's Positions sheet can be long). */
export const MAX_WORKBOOK_CELLS = 1_000_000;
/** What an XLSX may unpack to, counted as zlib produces it (never as the zip declares it). */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Nesting depth of a JSON import (a Remit snapshot is 5 deep). */
export const MAX_JSON_DEPTH = 32;
/** Characters of one field or cell (a threat's longest text is 10,000; an export's reservations cell holds several). */
export const MAX_FIELD_CHARS = 400_000;

const STATUS: Record<ImportLimitName, 413 | 422> = {
  bytes: 413,
  "inflated-bytes": 413,
  rows: 413,
  cells: 413,
  depth: 422,
  "field-length": 422,
  time: 422,
  memory: 422,
};

export function importLimit(name: ImportLimitName, max: number): ImportLimit {
  return { name, max, status: STATUS[name] };
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** "The file has more than 5000 rows (limit: rows)." as a ref — the limit named in words and by its id. */
export function limitMessage(limit: ImportLimit, found?: number): MessageRef {
  const { max } = limit;
  switch (limit.name) {
    case "bytes":
      return messageRef("importErrors.bytes", { size: mib(max) });
    case "inflated-bytes":
      return messageRef("importErrors.inflatedBytes", { size: mib(max) });
    case "rows":
      return found === undefined
        ? messageRef("importErrors.rows", { max })
        : messageRef("importErrors.rowsFound", { max, found });
    case "cells":
      return found === undefined
        ? messageRef("importErrors.cells", { max })
        : messageRef("importErrors.cellsFound", { max, found });
    case "depth":
      return messageRef("importErrors.depth", { max });
    case "field-length":
      return messageRef("importErrors.fieldLength", { max });
    case "time":
      return messageRef("importErrors.time", { seconds: max / 1000 });
    case "memory":
      return messageRef("importErrors.memory", { size: mib(max) });
  }
}
