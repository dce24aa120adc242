/** Local (per person) filtering of the matrix rows. Pure, so it is unit tested. */
import { RESPONSIBILITIES, type Responsibility, type ThreatRow } from "../../core/board-doc";

export const RESPONSIBILITY_FILTERS = ["all", ...RESPONSIBILITIES] as const;
export type ResponsibilityFilter = (typeof RESPONSIBILITY_FILTERS)[number];

export interface RowFilter {
  responsibility: ResponsibilityFilter;
  query: string;
}

export const EMPTY_FILTER: RowFilter = { responsibility: "all", query: "" };

/** Lower case without accents, so "defence" finds "Défence" and "securite" finds "Sécurité". */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every whitespace-separated term must appear in the title, description or notes. */
export function matchesQuery(row: Pick<ThreatRow, "title" | "description" | "notes">, query: string): boolean {
  const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = normalizeForSearch([row.title, row.description, row.notes].join("\n"));
  return terms.every((term) => haystack.includes(term));
}

export function matchesResponsibility(responsibility: Responsibility, filter: ResponsibilityFilter): boolean {
  return filter === "all" || responsibility === filter;
}

export function filterRows<T extends ThreatRow>(rows: readonly T[], filter: RowFilter): T[] {
  return rows.filter(
    (row) => matchesResponsibility(row.responsibility, filter.responsibility) && matchesQuery(row, filter.query),
  );
}

export function isFilterActive(filter: RowFilter): boolean {
  return filter.responsibility !== "all" || filter.query.trim() !== "";
}
