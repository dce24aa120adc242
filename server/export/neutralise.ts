/**
 * Spreadsheet formula injection ("CSV injection"): Excel, LibreOffice and
 * Google Sheets run a cell that starts with = + - @ (or TAB/CR, which some of
 * them skip before looking; we add LF for the same reason) as a formula, e.g. =HYPERLINK(...) to leak data.
 * Board text is typed by any delegate, so every text cell we write to CSV or
 * XLSX goes through `neutraliseCell`: it puts an apostrophe in front, which
 * spreadsheets show as text. Side effect (documented): a note such as "-1"
 * exports as "'-1".
 *
 * The apostrophe is also added in front of text that already starts with
 * apostrophes followed by a formula character ("'=x" → "''=x"), so that
 * `restoreCell` — which removes exactly one — gives back the original text.
 */
// LF too: some importers trim leading whitespace before looking for "=".
const FORMULA_START = /^'*[=+\-@\t\r\n]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? "'" + value : value;
}

/** Undoes neutraliseCell on import: strips one apostrophe only when what follows would trigger. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
