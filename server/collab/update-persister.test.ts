/**
 * COLLAB-33: the group commit window. Frames read from several sockets in one event-loop turn arrive in separate
 * callbacks; they all join one write instead of one write (on SQLite one fsync, blocking the loop) per socket.
 * COLLAB-34: group commits are pipelined where the store allows it, and acknowledgements cover only the
 * committed prefix.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addRow } from "../../core/board-doc";
import { MemoryUpdateStore } from "./memory-update-store";
import { UpdatePersister } from "./update-persister";

/** The in-memory store, declaring that two appends of one board may be in flight (as PostgreSQL's does). */
class PipelinedMemoryStore extends MemoryUpdateStore {
  readonly appendConcurrency = 2;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function rowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

describe("update persister", () => {
  it("COLLAB-33 updates enqueued by separate callbacks of one event-loop turn are written as one group commit", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const appendMany = vi.spyOn(store, "appendMany");
    const persister = new UpdatePersister("b1", store, () => null, { compactEvery: 1000, log: () => undefined }, 0);
    // Five callbacks queued together run in one phase of the event loop (immediates queued before a check phase
    // all run in it), like five sockets' reads in one poll phase; each enqueues from its own callback.
    await new Promise<void>((resolve) => {
      for (let socket = 0; socket < 5; socket++)
        setImmediate(() => {
          persister.enqueue(rowUpdate(`row ${socket}`), { authorId: `author-${socket}` });
          if (socket === 4) resolve();
        });
    });
    await persister.settled();
    expect(appendMany).toHaveBeenCalledTimes(1);
    expect(appendMany.mock.calls[0][1]).toHaveLength(5);
    expect(persister.durableCount).toBe(5);
  });

  it("COLLAB-34 a second group commit goes out while the first is in flight, and a commit that overtakes an earlier one acknowledges nothing until that one is committed", async () => {
    const store = new PipelinedMemoryStore();
    store.createBoard("b1");
    const append = store.appendMany.bind(store);
    const gates: (() => void)[] = [];
    vi.spyOn(store, "appendMany").mockImplementation(async (boardId, updates) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return append(boardId, updates);
    });
    const committed: number[] = [];
    const persister = new UpdatePersister(
      "b1",
      store,
      () => null,
      { compactEvery: 1000, log: () => undefined, onCommitted: (durable) => committed.push(durable) },
      0,
    );
    persister.enqueue(rowUpdate("first"), { authorId: "a" });
    await nextTurn();
    await nextTurn();
    persister.enqueue(rowUpdate("second"), { authorId: "b" });
    persister.enqueue(rowUpdate("third"), { authorId: "b" });
    await nextTurn();
    await nextTurn();
    expect(gates).toHaveLength(2); // both writes in flight
    expect(persister.pendingCount).toBe(3);

    gates[1](); // the second commits first
    await nextTurn();
    expect(committed).toEqual([]);
    expect(persister.durableCount).toBe(0);

    gates[0]();
    await persister.settled();
    expect(committed).toEqual([3]);
    expect(persister.durableCount).toBe(3);
    expect(persister.pendingCount).toBe(0);
    const stored = await store.load("b1");
    expect(stored.tail.map((entry) => entry.id)).toEqual([1, 2]);
    expect(persister.lastDurableId).toBe(2);
  });
});
