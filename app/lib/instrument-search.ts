/** Text filter of the instrument picker. Pure, so it is unit tested. */
import type { InstrumentInfo } from "../../core/services";
import { normalizeForSearch } from "./row-filter";

/** Instruments not yet linked whose name, kind, reference, owner or year contain every typed term. */
export function searchInstruments(
  instruments: readonly InstrumentInfo[],
  query: string,
  linkedIds: readonly string[],
  limit = 50,
): InstrumentInfo[] {
  const linked = new Set(linkedIds);
  const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  const results: InstrumentInfo[] = [];
  for (const instrument of instruments) {
    if (linked.has(instrument.id)) continue;
    const haystack = normalizeForSearch(
      [instrument.name, instrument.kind, instrument.reference, instrument.owner, instrument.year ?? ""].join(" "),
    );
    if (terms.every((term) => haystack.includes(term))) results.push(instrument);
    if (results.length >= limit) break;
  }
  return results;
}
