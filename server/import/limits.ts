/**
 * What an import may hold, checked while the file is read and before the
 * expensive work (exceljs, validation, zod): a file over a limit is refused
 * with 413 (size-like: bytes, inflated bytes, rows, cells) or 422 (shape:
 * nesting depth, field length), and the refusal names the limit.
 * See docs/attack-suite.md (HARDEN-11…) and docs/export-formats.md.
 */
import type { ImportLimit, ImportLimitName } from "../../core/import-contract";
import { MAX_IMPORT_BYTES } from "../../core/import-contract";

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

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const count = (n: number) => n.toLocaleString("en-US");

/** "The file has more than 5,000 threats (limit: rows)." — the limit named in words and by its id. */
export function limitMessage(limit: ImportLimit, found?: number): string {
  const amount = (unit: string) =>
    found === undefined
      ? `more than ${count(limit.max)} ${unit}`
      : `${count(found)} ${unit}; the limit is ${count(limit.max)}`;
  switch (limit.name) {
    case "bytes":
      return `The file is larger than ${mib(limit.max)} (limit: bytes).`;
    case "inflated-bytes":
      return `The workbook unpacks to more than ${mib(limit.max)} (limit: inflated-bytes).`;
    case "rows":
      return `The file has ${amount("rows")} (limit: rows).`;
    case "cells":
      return `The file has ${amount("cells")} (limit: cells).`;
    case "depth":
      return `The JSON is nested more than ${count(limit.max)} levels deep (limit: depth).`;
    case "field-length":
      return `A field is longer than ${count(limit.max)} characters (limit: field-length).`;
    case "time":
      return `Reading the file took longer than ${count(limit.max / 1000)} s (limit: time).`;
    case "memory":
      return `Reading the file needed more than ${mib(limit.max)} of memory (limit: memory).`;
  }
}
