import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addRow, deleteRow, getRowText } from "../../core/board-doc";
import { givenRowStore } from "../../tests/support/row-store-board";
import { sameRowIds, sameTitles, titlesOf } from "./row-digests";
import { settledDigest } from "./row-settled-digest";

const QUIET_MS = 600;
const givenTitles = (count: number) => {
  const board = givenRowStore(count);
  const titles = settledDigest(board.store, titlesOf, sameTitles, (a, b) => !sameRowIds(a, b), QUIET_MS);
  const changed = vi.fn();
  const stop = titles.subscribe(changed);
  return { ...board, titles, changed, stop };
};

describe("titles that follow typing once it pauses (GRID-14)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("GRID-14 a title edit reaches the list once typing has paused, in one change, not one per keystroke", () => {
    const { doc, ids, titles, changed } = givenTitles(3);
    const before = titles.read();
    const title = getRowText(doc, ids[1], "title")!;
    for (const letter of "abc") {
      title.insert(title.length, letter);
      vi.advanceTimersByTime(QUIET_MS - 100);
    }
    expect(titles.read()).toBe(before);
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(titles.read()[1]).toEqual({ id: ids[1], title: "Threat 1abc" });
  });

  it("GRID-14 rows added or removed reach the list at once, with the titles as they are", () => {
    const { doc, ids, titles, changed } = givenTitles(2);
    getRowText(doc, ids[0], "title")!.insert(0, "x");
    const added = addRow(doc);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(titles.read().map((row) => row.id)).toEqual([...ids, added]);
    expect(titles.read()[0].title).toBe("xThreat 0");
    deleteRow(doc, ids[1]);
    expect(changed).toHaveBeenCalledTimes(2);
    expect(titles.read().map((row) => row.id)).toEqual([ids[0], added]);
    // Nothing left waiting: the timer of the title edit finds nothing new.
    vi.advanceTimersByTime(QUIET_MS);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it("GRID-14 after the last listener leaves nothing fires; a new one reads the rows as they are", () => {
    const { doc, ids, titles, changed, stop } = givenTitles(2);
    getRowText(doc, ids[0], "title")!.insert(0, "y");
    stop();
    vi.advanceTimersByTime(QUIET_MS);
    expect(changed).not.toHaveBeenCalled();
    titles.subscribe(() => undefined);
    expect(titles.read()[0].title).toBe("yThreat 0");
  });
});
