/** Local (per person) filtering of the matrix rows. Pure, so it is unit tested. */
import { RESPONSIBILITIES, type Responsibility, type ThreatRow } from "../../core/board-doc";

export const RESPONSIBILITY_FILTERS = ["all", ...RESPONSIBILITIES] as const;
type ResponsibilityFilter = (typeof RESPONSIBILITY_FILTERS)[number];

export interface RowFilter {
  responsibility: ResponsibilityFilter;
  query: string;
}

export const EMPTY_FILTER: RowFilter = { responsibility: "all", query: "" };

type Searchable = Pick<ThreatRow, "title" | "description" | "notes">;

/** Lower case without accents, so "defence" finds "Défence" and "securite" finds "Sécurité". */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * A row's title, description and notes, normalised once per row object (GRID-13). The grid's RowStore keeps a
 * row's object while the row is unchanged, so a filter change normalises no text again and reads no Y.Map: only
 * rows edited since the last filter are read and normalised.
 */
const searchTexts = new WeakMap<Searchable, string>();
export function searchTextOf(row: Searchable): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = normalizeForSearch([row.title, row.description, row.notes].join("\n"));
    searchTexts.set(row, text);
  }
  return text;
}

const termsOf = (query: string) => normalizeForSearch(query).split(/\s+/).filter(Boolean);

/** Every whitespace-separated term must appear in the title, description or notes. */
export function matchesQuery(row: Searchable, query: string): boolean {
  const terms = termsOf(query);
  return terms.every((term) => searchTextOf(row).includes(term));
}

function matchesResponsibility(responsibility: Responsibility, filter: ResponsibilityFilter): boolean {
  return filter === "all" || responsibility === filter;
}

export function filterRows<T extends ThreatRow>(rows: readonly T[], filter: RowFilter): T[] {
  const terms = termsOf(filter.query); // once per filter, not once per row
  return rows.filter(
    (row) =>
      matchesResponsibility(row.responsibility, filter.responsibility) &&
      terms.every((term) => searchTextOf(row).includes(term)),
  );
}

export function isFilterActive(filter: RowFilter): boolean {
  return filter.responsibility !== "all" || filter.query.trim() !== "";
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Ids of the rows a filter lets through, derived once per change of the rows or of the filter (React reads a
 * store's snapshot several times per render), and the previous array again while the ids are the same, so typing
 * in a row that stays shown does not re-render the grid (GRID-13).
 */
export function filteredIdsReader(): (rows: readonly ThreatRow[], filter: RowFilter) => readonly string[] {
  let last: { rows: readonly ThreatRow[]; responsibility: string; query: string; ids: readonly string[] } | null = null;
  return (rows, filter) => {
    if (last && last.rows === rows && last.responsibility === filter.responsibility && last.query === filter.query)
      return last.ids;
    const next = filterRows(rows, filter).map((row) => row.id);
    const ids = last && sameIds(last.ids, next) ? last.ids : next;
    last = { rows, responsibility: filter.responsibility, query: filter.query, ids };
    return ids;
  };
}
