import { describe, expect, it } from "vitest";
import { assignRowSlots, NO_SLOTS, type RowSlots } from "./row-slots";

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `r${from + i}`);
const freshKeys = () => {
  let n = 0;
  return () => `k${n++}`;
};

/** The DOM nodes React moves when the children's keys go from `before` to `after` (its reconcileChildrenArray rule). */
function movedKeys(before: RowSlots, after: RowSlots): string[] {
  const oldIndex = new Map(before.keys.map((key, index) => [key, index]));
  let lastPlaced = 0;
  const moved: string[] = [];
  for (const key of after.keys) {
    const old = oldIndex.get(key);
    if (old === undefined) continue; // a new node: inserted, nothing moves
    if (old < lastPlaced) moved.push(key);
    else lastPlaced = old;
  }
  return moved;
}

describe("row slots: keys handed from rows that leave to rows that come in (GRID-16)", () => {
  it("GRID-16 a filter change reuses every key of the rows it replaces", () => {
    const fresh = freshKeys();
    const window = assignRowSlots(NO_SLOTS, ids(0, 32), fresh);
    const filtered = assignRowSlots(window, ids(500, 532), fresh);
    expect(new Set(filtered.keys)).toEqual(new Set(window.keys));
    expect(movedKeys(window, filtered)).toEqual([]);
    // And back: still the same 32 keys, nothing mounted.
    expect(new Set(assignRowSlots(filtered, ids(0, 32), fresh).keys)).toEqual(new Set(window.keys));
  });

  it("GRID-16 the pinned row (the tab stop) keeps its key and is never moved, wherever the filter leaves it", () => {
    const fresh = freshKeys();
    const window = assignRowSlots(NO_SLOTS, ids(0, 32), fresh);
    for (const next of [
      [...ids(500, 531), "r7"],
      ["r7", ...ids(500, 531)],
      [...ids(500, 510), "r7", ...ids(600, 621)],
      ["r2", "r7", "r9", ...ids(600, 629)],
    ]) {
      const after = assignRowSlots(window, next, fresh, "r7");
      expect(after.keys[next.indexOf("r7")]).toBe(window.keys[7]);
      expect(movedKeys(window, after)).not.toContain(window.keys[7]);
      expect(new Set(after.keys).size).toBe(next.length);
    }
  });

  it("GRID-16 GRID-4 the key of the row holding the focus goes with it: deleted, its node is not handed on", () => {
    const fresh = freshKeys();
    const window = assignRowSlots(NO_SLOTS, ids(0, 32), fresh);
    // Someone deletes r3 while it has the focus: r32 comes in at the end of the window.
    const after = assignRowSlots(window, [...ids(0, 3), ...ids(4, 33)], fresh, "r0", "r3");
    expect(after.keys).not.toContain(window.keys[3]);
    expect(after.keys.slice(0, 31)).toEqual([...window.keys.slice(0, 3), ...window.keys.slice(4)]);
    // Not focused, r3's key goes to r32 (its node moves to the end).
    const unfocused = assignRowSlots(window, [...ids(0, 3), ...ids(4, 33)], fresh, "r0");
    expect(unfocused.keys[31]).toBe(window.keys[3]);
  });

  it("GRID-16 when most of the window changes, the rows take the old keys in order: no node moves, none is mounted", () => {
    const fresh = freshKeys();
    const window = assignRowSlots(NO_SLOTS, ids(0, 32), fresh);
    // The filter keeps a few rows of the window (the first ones it lets through) and brings in others after them.
    const after = assignRowSlots(window, ["r2", "r9", "r13", "r31", ...ids(600, 628)], fresh);
    expect(after.keys).toEqual(window.keys);
    expect(movedKeys(window, after)).toEqual([]);
  });

  it("GRID-16 scrolling moves no row that stays: down, the row coming in takes the key of the one gone; up, it is new", () => {
    const fresh = freshKeys();
    const window = assignRowSlots(NO_SLOTS, ids(0, 32), fresh);
    const down = assignRowSlots(window, ids(1, 33), fresh);
    expect(down.keys).toEqual([...window.keys.slice(1), window.keys[0]]);
    expect(movedKeys(window, down)).toEqual([window.keys[0]]);
    const up = assignRowSlots(down, ids(0, 32), fresh);
    expect(down.keys).not.toContain(up.keys[0]);
    expect(up.keys.slice(1)).toEqual(down.keys.slice(0, 31));
    expect(movedKeys(down, up)).toEqual([]);
  });

  it("GRID-16 keys stay unique when rows come, go and stay in any mix", () => {
    const fresh = freshKeys();
    let slots = assignRowSlots(NO_SLOTS, ids(0, 40), fresh);
    for (let round = 1; round < 50; round++) {
      const next = ids(0, 1000)
        .filter((_, i) => (i * 7 + round * 13) % (round % 5 === 0 ? 3 : 29) === 0)
        .slice(0, 40);
      const pinned = next.find((id) => slots.ids.includes(id)) ?? null;
      const after = assignRowSlots(slots, next, fresh, pinned);
      expect(new Set(after.keys).size).toBe(next.length);
      if (pinned) {
        expect(after.keys[next.indexOf(pinned)]).toBe(slots.keys[slots.ids.indexOf(pinned)]);
        expect(movedKeys(slots, after)).not.toContain(after.keys[next.indexOf(pinned)]);
      }
      slots = after;
    }
  });
});
