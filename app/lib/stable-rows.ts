/**
 * Keeps the previous object for every row that did not change, so memoized
 * row components skip re-rendering when someone types in another row.
 */
import type { ThreatRow } from "../../core/board-doc";

export function sameRow(a: ThreatRow, b: ThreatRow): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.description === b.description &&
    a.notes === b.notes &&
    a.category === b.category &&
    a.responsibility === b.responsibility &&
    a.lead === b.lead &&
    a.instrumentIds.length === b.instrumentIds.length &&
    a.instrumentIds.every((id, i) => id === b.instrumentIds[i])
  );
}

/** `next` with unchanged rows replaced by their previous objects; `previous` itself when nothing changed. */
export function reuseUnchangedRows(previous: readonly ThreatRow[], next: ThreatRow[]): readonly ThreatRow[] {
  const byId = new Map(previous.map((row) => [row.id, row]));
  let changed = previous.length !== next.length;
  const result = next.map((row, index) => {
    const old = byId.get(row.id);
    if (old && sameRow(old, row)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? result : previous;
}
