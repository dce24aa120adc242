/** Text filter of the instrument picker. Pure, so it is unit tested. */
import type { InstrumentInfo } from "../../core/services";
import { instrumentDetails } from "./instrument-details";
import { normalizeForSearch } from "./row-filter";

/**
 * Instruments not yet linked whose name (in the reader's language: the official French title in French, I18N-5),
 * details as the picker shows them (owner, kind, year and reference, worded in the reader's language), or owner and
 * kind codes contain every typed term, accents and case aside (I18N-19).
 */
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
      [instrument.name, instrumentDetails(instrument), instrument.owner, instrument.kind].join(" "),
    );
    if (terms.every((term) => haystack.includes(term))) results.push(instrument);
    if (results.length >= limit) break;
  }
  return results;
}
