/**
 * What the board's summaries read from the rows, as digests that stay the same object while typing goes on
 * (see useRowsDigest): a title keystroke changes no responsibility and, unless a field passes its limit, no
 * warning, so the summaries and the warnings banner are not rendered again for it.
 */
import { TEXT_FIELD_MAX, TEXT_FIELDS, type ThreatRow } from "../../core/board-doc";

type RowResponsibility = Pick<ThreatRow, "id" | "responsibility">;

export const responsibilitiesOf = (rows: readonly ThreatRow[]): readonly RowResponsibility[] =>
  rows.map(({ id, responsibility }) => ({ id, responsibility }));

export const sameResponsibilities = (a: readonly RowResponsibility[], b: readonly RowResponsibility[]) =>
  a.length === b.length &&
  a.every((row, index) => row.id === b[index].id && row.responsibility === b[index].responsibility);

/**
 * Everything the board's warnings depend on (boardWarnings in core/board-doc.ts): the number of rows and the
 * fields over their limit, with their length. Compared as a string.
 */
export function warningsKey(rows: readonly ThreatRow[]): string {
  const over: string[] = [];
  for (const row of rows) {
    for (const field of TEXT_FIELDS) {
      if (row[field].length > TEXT_FIELD_MAX[field]) over.push(`${row.id}:${field}:${row[field].length}`);
    }
  }
  return `${rows.length}|${over.join(",")}`;
}

export const sameString = (a: string, b: string) => a === b;

type RowTitle = Pick<ThreatRow, "id" | "title">;

export const titlesOf = (rows: readonly ThreatRow[]): readonly RowTitle[] =>
  rows.map(({ id, title }) => ({ id, title }));

export const sameTitles = (a: readonly RowTitle[], b: readonly RowTitle[]) =>
  a.length === b.length && a.every((row, index) => row.id === b[index].id && row.title === b[index].title);

/** The same rows in the same order (titles aside): a list of titles must follow this at once. */
export const sameRowIds = (a: readonly RowTitle[], b: readonly RowTitle[]) =>
  a.length === b.length && a.every((row, index) => row.id === b[index].id);
