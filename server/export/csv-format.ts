/**
 * RFC 4180 writing, plus the "#remit:" metadata records the CSV export adds
 * around the matrix. Metadata records have as many fields as the header, so
 * any standard CSV parser reads the file as one rectangular table; the
 * importer recognises them by the exact first-cell marker.
 */
import { neutraliseCell } from "./neutralise";

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";
export const METADATA_PREFIX = "#remit:";

/** Quotes only when needed (comma, quote, CR or LF), doubling inner quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Neutralises formula starts, then encodes; every field we write goes through here. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map((field) => csvField(neutraliseCell(field))).join(",");
}

export function padTo(fields: string[], width: number): string[] {
  return fields.length >= width ? fields : [...fields, ...Array<string>(width - fields.length).fill("")];
}

// A threat titled "#remit:…" must not read back as metadata: escape it with
// an apostrophe the same way formula starts are, reversibly.
const MARKER_START = /^'*#remit:/;

export function escapeMarker(title: string): string {
  return MARKER_START.test(title) ? "'" + title : title;
}

export function unescapeMarker(title: string): string {
  return title.startsWith("'") && MARKER_START.test(title.slice(1)) ? title.slice(1) : title;
}
