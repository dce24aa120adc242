import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { deleteRow, getRowText, linkInstrument, moveRow, setResponsibility } from "../../core/board-doc";
import { givenRowStore } from "../../tests/support/row-store-board";

describe("RowStore (one subscription per row)", () => {
  it("a keystroke in a row notifies that row only; the order and the other rows are untouched", () => {
    const { doc, ids, store } = givenRowStore(5);
    const [first, second] = [vi.fn(), vi.fn()];
    const order = vi.fn();
    store.subscribeRow(ids[0], first);
    store.subscribeRow(ids[1], second);
    store.subscribeIds(order);
    const before = store.getRow(ids[1]);
    const idsBefore = store.getIds();

    getRowText(doc, ids[0], "title")!.insert(0, "x");

    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(order).not.toHaveBeenCalled();
    expect(store.getRow(ids[0])?.title).toBe("xThreat 0");
    expect(store.getRow(ids[1])).toBe(before);
    expect(store.getIds()).toBe(idsBefore);
  });

  it("nested changes (instruments, responsibility) reach their row", () => {
    const { doc, ids, store } = givenRowStore(2);
    const listener = vi.fn();
    store.subscribeRow(ids[1], listener);
    linkInstrument(doc, ids[1], "nato-1");
    setResponsibility(doc, ids[1], "EU");
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getRow(ids[1])).toMatchObject({ instrumentIds: ["nato-1"], responsibility: "EU" });
  });

  it("moves, additions and deletions change the order; all rows keep unchanged objects", () => {
    const { doc, ids, store } = givenRowStore(3);
    const order = vi.fn();
    store.subscribeIds(order);
    const untouched = store.getAll()[1];
    moveRow(doc, ids[2], 0);
    expect(store.getIds()).toEqual([ids[2], ids[0], ids[1]]);
    deleteRow(doc, ids[0]);
    expect(store.getIds()).toEqual([ids[2], ids[1]]);
    expect(order).toHaveBeenCalledTimes(2);
    expect(store.getAll()).toContain(untouched);
    expect(store.getRow(ids[0])).toBeNull();
  });

  it("an undone deletion brings the row back with its text", () => {
    const { doc, ids, store } = givenRowStore(2);
    const undo = new Y.UndoManager(doc.getMap("rows"));
    deleteRow(doc, ids[0]);
    expect(store.getRow(ids[0])).toBeNull();
    undo.undo();
    expect(store.getRow(ids[0])?.title).toBe("Threat 0");
    expect(store.getText(ids[0], "title")?.toString()).toBe("Threat 0");
  });
});
