import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addRow, readRows } from "../../core/board-doc";
import { CloseCode } from "../../core/collab-protocol";
import { TestPeer } from "../../tests/support/test-peer";
import { encodeUpdate } from "./frames";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";

function rowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

const options = { compactEvery: 3, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };

describe("room registry", () => {
  it("COLLAB-6 a load failure closes nothing into an empty doc and writes nothing; the next join retries", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    await store.append("b1", rowUpdate("stored"), { authorId: null });
    store.failLoadWith = new Error("database down");
    const registry = new RoomRegistry(store, options);
    await expect(registry.join("b1", new TestPeer())).rejects.toThrow("database down");
    expect(registry.loadedBoardIds).toEqual([]);
    store.failLoadWith = null;
    const room = await registry.join("b1", new TestPeer());
    expect(readRows(room.doc).map((row) => row.title)).toEqual(["stored"]);
    expect((await store.load("b1")).tail).toHaveLength(1);
  });

  it("COLLAB-12 concurrent joins share one load; the room unloads after the last leaves, durable and compacted", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const registry = new RoomRegistry(store, { ...options, compactEvery: 100 });
    const [peerA, peerB] = [new TestPeer(), new TestPeer()];
    const [roomA, roomB] = await Promise.all([registry.join("b1", peerA), registry.join("b1", peerB)]);
    expect(roomA).toBe(roomB);
    roomA.receive(peerA, encodeUpdate(rowUpdate("one")));
    roomA.receive(peerA, encodeUpdate(rowUpdate("two")));
    expect(peerB.sent.length).toBeGreaterThan(0);
    registry.leave(roomA, peerA);
    registry.leave(roomA, peerB);
    await vi.waitFor(() => expect(registry.loadedBoardIds).toEqual([]));
    const stored = await store.load("b1");
    expect(stored.tail).toHaveLength(0);
    expect(stored.snapshot).not.toBeNull();
    const reloaded = await registry.join("b1", new TestPeer());
    expect(
      readRows(reloaded.doc)
        .map((row) => row.title)
        .sort(),
    ).toEqual(["one", "two"]);
  });

  it("COLLAB-5 compacts every N updates into a snapshot that covers exactly the durable log", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const registry = new RoomRegistry(store, options);
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    for (const title of ["a", "b", "c", "d"]) {
      room.receive(peer, encodeUpdate(rowUpdate(title)));
      await room.settled();
    }
    await room.settled();
    const stored = await store.load("b1");
    expect(stored.snapshotCoversUpdateId).toBe(3);
    expect(stored.tail.map((entry) => entry.id)).toEqual([4]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    for (const entry of stored.tail) Y.applyUpdate(doc, entry.data);
    expect(
      readRows(doc)
        .map((row) => row.title)
        .sort(),
    ).toEqual(["a", "b", "c", "d"]);
  });

  it("COLLAB-14 an observer's updates are dropped and counted, then the connection is closed", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const registry = new RoomRegistry(store, options);
    const observer = new TestPeer(false);
    const room = await registry.join("b1", observer);
    room.receive(observer, encodeUpdate(new Uint8Array([0, 0])));
    expect(room.rejectedWriteCount).toBe(0);
    room.receive(observer, encodeUpdate(rowUpdate("forged")));
    expect(observer.closedWith).toBeNull();
    room.receive(observer, encodeUpdate(rowUpdate("forged again")));
    expect(room.rejectedWriteCount).toBe(2);
    expect(observer.closedWith).toBe(CloseCode.readOnly);
    expect(readRows(room.doc)).toEqual([]);
    expect((await store.load("b1")).tail).toHaveLength(0);
  });

  it("COLLAB-3 a burst of updates is written as one log row with the same content", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const registry = new RoomRegistry(store, { ...options, compactEvery: 100 });
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    for (const title of ["a", "b", "c"]) room.receive(peer, encodeUpdate(rowUpdate(title)));
    await room.settled();
    const stored = await store.load("b1");
    expect(stored.tail).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.tail[0].data);
    expect(
      readRows(doc)
        .map((row) => row.title)
        .sort(),
    ).toEqual(["a", "b", "c"]);
  });

  it("COLLAB-3 an append that fails is retried until storage is back, and nothing is lost", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    let failures = 2;
    const append = store.append.bind(store);
    store.append = async (boardId, update, meta) => {
      if (failures-- > 0) throw new Error("database unavailable");
      return append(boardId, update, meta);
    };
    const registry = new RoomRegistry(store, { ...options, compactEvery: 100 });
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    room.receive(peer, encodeUpdate(rowUpdate("kept")));
    await room.flush();
    expect(failures).toBe(-1);
    const stored = await store.load("b1");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    expect(readRows(doc).map((row) => row.title)).toEqual(["kept"]);
  });

  it("records the sender as author of each persisted update", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const appended: (string | null)[] = [];
    const original = store.append.bind(store);
    store.append = async (boardId, update, meta) => {
      appended.push(meta.authorId);
      return original(boardId, update, meta);
    };
    const registry = new RoomRegistry(store, options);
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    room.receive(peer, encodeUpdate(rowUpdate("mine")));
    await room.flush();
    expect(appended).toEqual(["account-1"]);
  });
});
