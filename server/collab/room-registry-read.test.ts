import { expect, it } from "vitest";
import * as Y from "yjs";
import { addRow } from "../../core/board-doc";
import type { CollabConnection } from "./connection";
import { encodeUpdate } from "./frames";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";

const peer: CollabConnection = {
  id: "p1",
  user: { id: "u1", name: "Peer", delegation: "Testland", color: "#123456" },
  actor: null,
  canWrite: () => true,
  send: () => undefined,
  close: () => undefined,
};

it("PERF-3 one row is read from the live document when the board is loaded, and from storage otherwise", async () => {
  const store = new MemoryUpdateStore();
  store.createBoard("b1");
  const registry = new RoomRegistry(store, {
    compactEvery: 100,
    maxRejectedWrites: 2,
    unloadDelayMs: 0,
    log: () => undefined,
  });
  const room = await registry.join("b1", peer);
  const doc = new Y.Doc();
  const rowId = addRow(doc, { title: "Live row" });
  room.receive(peer, encodeUpdate(Y.encodeStateAsUpdate(doc)));
  expect((await registry.readRow("b1", rowId))?.title).toBe("Live row");
  expect(await registry.readRow("b1", "missing")).toBeNull();
  registry.leave(room, peer);
  await room.flush();
  await registry.shutdown();
  const cold = new RoomRegistry(store, {
    compactEvery: 100,
    maxRejectedWrites: 2,
    unloadDelayMs: 0,
    log: () => undefined,
  });
  expect((await cold.readRow("b1", rowId))?.title).toBe("Live row");
});
