/**
 * React keys for the grid's rendered rows (GRID-16). A row that comes in takes the key of one that left, so React
 * gives it that row's DOM and only the props change, instead of unmounting one row and mounting another (a filter
 * change replaced the whole window: ~32 rows created from scratch at 1440×900).
 *
 * Which rows keep their own key: the pinned row (the one with the grid's tab stop, which may hold the focus)
 * always; the others when most of the window stays (a scroll: each keeps its content, the few rows coming in take
 * the keys of those gone). When most of the window changes (a filter), every other row takes the next key in the
 * old order instead, so no node moves: React moves a node whose old position comes before that of one already
 * placed, and each move is a removal and insertion the browser styles and lays out again (and Remix's route
 * discovery scans the whole grid for). The pinned row is never moved (a moved node loses its focus): a key is
 * handed on only if its old position lies between those of the kept rows around it, or before every node placed
 * so far (then only that row's node moves); otherwise the row gets a new key and is mounted, as before. The row
 * holding the focus is never handed on either: when it goes (someone deleted it), its node must go with it, so
 * the grid puts the focus on the row that took its place (GRID-4) instead of keeping it on the same node, now
 * showing another row.
 */
export interface RowSlots {
  ids: readonly string[];
  keys: readonly string[];
}

export const NO_SLOTS: RowSlots = { ids: [], keys: [] };

/**
 * Keys for `ids` (rows in display order), given the previous render's slots; `fresh` makes a never-used key;
 * `pinned`: the row that must keep its key and node; `focused`: the row holding the focus, whose key no other
 * row may take.
 */
export function assignRowSlots(
  previous: RowSlots,
  ids: readonly string[],
  fresh: () => string,
  pinned: string | null = null,
  focused: string | null = null,
): RowSlots {
  const before = new Map(previous.ids.map((id, index) => [id, index]));
  const staying = ids.filter((id) => before.has(id));
  const keep = new Set(
    staying.length * 2 >= ids.length ? staying : staying.filter((id) => id === pinned || id === focused),
  );
  /** Old positions whose keys can be handed on, ascending. */
  const free = previous.ids.flatMap((id, index) => (keep.has(id) || id === focused ? [] : [index]));
  /** For each new position, the old position of the next kept row (a reused key must come before it). */
  const ceiling = new Array<number>(ids.length);
  let next = Number.POSITIVE_INFINITY;
  for (let i = ids.length - 1; i >= 0; i--) {
    ceiling[i] = next;
    if (keep.has(ids[i])) next = before.get(ids[i])!;
  }
  const keys: string[] = [];
  /** The old position of the last node React leaves in place; a reused node before it is moved (only it). */
  let floor = -1;
  ids.forEach((id, i) => {
    const old = before.get(id);
    if (old !== undefined && keep.has(id)) {
      keys.push(previous.keys[old]);
      floor = Math.max(floor, old);
      return;
    }
    const inPlace = free.findIndex((index) => index > floor && index < ceiling[i]);
    const taken = inPlace >= 0 ? inPlace : free.length > 0 && free[0] < floor ? 0 : -1;
    if (taken < 0) {
      keys.push(fresh());
      return;
    }
    const [index] = free.splice(taken, 1);
    if (index > floor) floor = index;
    keys.push(previous.keys[index]);
  });
  return { ids, keys };
}
