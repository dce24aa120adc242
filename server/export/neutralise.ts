/**
 * Spreadsheet formula injection ("CSV injection"): Excel, LibreOffice and
 * Google Sheets run a cell that starts with = + - @ (or TAB/CR, which some of
 * them skip before looking; we add LF for the same reason) as a formula, e.g. =HYPERLINK(...) to leak data.
 * Spreadsheets and importers also skip leading whitespace (NBSP and the other
 * Unicode spaces), quotes and zero-width characters, and some map fullwidth
 * ＝＋－＠ to their ASCII forms, so ` =1+1`, `"=1+1`, `＝1+1`, `\u00A0=1+1` and
 * `\u200B=1+1` are formula starts too (HARDEN-49).
 *
 * Board text is typed by any delegate, so every text field we write to CSV
 * goes through `neutraliseCell`: it puts an apostrophe in front, which
 * spreadsheets show as text. Side effect (documented): a note such as "-1"
 * exports as "'-1". XLSX cells are typed strings (never formulas), so the
 * XLSX export does not add the apostrophe.
 *
 * The apostrophe is also added in front of text that already starts with
 * apostrophes followed by a formula character ("'=x" → "''=x"), so that
 * `restoreCell` — which removes exactly one — gives back the original text.
 */
// Skipped before looking: whitespace (\s covers NBSP, U+2000–200A, U+3000…), quotes, zero-width characters.
const SKIPPED = "\\s'\"\\u2018\\u2019\\u201C\\u201D\\u200B-\\u200D\\u2060\\uFEFF";
const TRIGGERS = "=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\t\\r\\n";
const FORMULA_START = new RegExp(`^[${SKIPPED}]*[${TRIGGERS}]`);

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? "'" + value : value;
}

/** Undoes neutraliseCell on import: strips one apostrophe only when what follows would trigger. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
