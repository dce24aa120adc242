/**
 * A snapshot row's bracketed cell as text, "[NATO] [Shared, EU lead]": the row's own value first, then each
 * open alternative (decision 020). Used by every export and by the diff.
 */
import {
  bracketText,
  currentBracketValue,
  ENGLISH_BRACKET_WORDS,
  type BracketField,
  type BracketWords,
} from "./bracket-contract";
import type { SnapshotRow } from "./matrix-snapshot";

type BracketedRow = Pick<SnapshotRow, "title" | "responsibility" | "lead" | "brackets">;

/** The bracket text of a field, or null when the field is not in brackets. */
export function rowBracketText(
  row: BracketedRow,
  field: BracketField,
  words: BracketWords = ENGLISH_BRACKET_WORDS,
): string | null {
  const bracket = row.brackets?.find((candidate) => candidate.field === field);
  if (!bracket) return null;
  return bracketText([currentBracketValue(row, field), ...bracket.alternatives.map((a) => a.value)], words);
}

/** The responsibility cell of an export: "NATO" or, bracketed, "[NATO] [Shared, EU lead]". */
export function responsibilityText(row: BracketedRow): string {
  return rowBracketText(row, "responsibility") ?? row.responsibility;
}

/** The title cell of an export: the title or, bracketed, "[Title] [Other title]". */
export function titleText(row: BracketedRow): string {
  return rowBracketText(row, "title") ?? row.title;
}

/** How many rows hold at least one open bracket (the summaries count them). */
export function countBracketed(rows: readonly Pick<SnapshotRow, "brackets">[]): number {
  return rows.filter((row) => (row.brackets?.length ?? 0) > 0).length;
}
