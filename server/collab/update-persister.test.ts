/**
 * COLLAB-33: the group commit window. Frames read from several sockets in one event-loop turn arrive in separate
 * callbacks; they all join one write instead of one write (on SQLite one fsync, blocking the loop) per socket.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addRow } from "../../core/board-doc";
import { MemoryUpdateStore } from "./memory-update-store";
import { UpdatePersister } from "./update-persister";

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
    // Five timers due together run in one timers phase, like five sockets' reads in one poll phase.
    await new Promise<void>((resolve) => {
      for (let socket = 0; socket < 5; socket++)
        setTimeout(() => {
          persister.enqueue(rowUpdate(`row ${socket}`), { authorId: `author-${socket}` });
          if (socket === 4) resolve();
        }, 0);
    });
    await persister.settled();
    expect(appendMany).toHaveBeenCalledTimes(1);
    expect(appendMany.mock.calls[0][1]).toHaveLength(5);
    expect(persister.durableCount).toBe(5);
  });
});
