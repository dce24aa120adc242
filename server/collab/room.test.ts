import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addRow, readRows } from "../../core/board-doc";
import * as decoding from "lib0/decoding";
import { CloseCode, MessageType } from "../../core/collab-protocol";
import { TestPeer } from "../../tests/support/test-peer";
import { encodeAwareness, encodeUpdate } from "./frames";
import { encodeAwarenessEntries } from "./presence-stamp";
import { MemoryUpdateStore } from "./memory-update-store";
import type { Room } from "./room";
import { RoomRegistry } from "./room-registry";

function rowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

// compactSpread 0: COLLAB-5 counts on compacting at exactly compactEvery (PERF-74 spreads it in production).
const options = { compactEvery: 3, compactSpread: 0, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };

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
    const append = store.appendMany.bind(store);
    store.appendMany = async (boardId, updates) => {
      if (failures-- > 0) throw new Error("database unavailable");
      return append(boardId, updates);
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
    const original = store.appendMany.bind(store);
    store.appendMany = async (boardId, updates) => {
      appended.push(...updates.map(({ meta }) => meta.authorId));
      return original(boardId, updates);
    };
    const registry = new RoomRegistry(store, options);
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    room.receive(peer, encodeUpdate(rowUpdate("mine")));
    await room.flush();
    expect(appended).toEqual(["account-1"]);
  });
});

/** Acknowledgements the peer received: [frames, seq] pairs. */
function acksOf(peer: TestPeer): [number, number][] {
  return peer.sent
    .map((frame) => decoding.createDecoder(frame))
    .filter((decoder) => decoding.readVarUint(decoder) === MessageType.ack)
    .map((decoder) => [decoding.readVarUint(decoder), decoding.readVarUint(decoder)]);
}

/** A store with board b1 whose commits wait until the test lands them, one `commits` entry each, in order. */
function stallingStore(): { store: MemoryUpdateStore; commits: (() => void)[] } {
  const store = new MemoryUpdateStore();
  store.createBoard("b1");
  const commits: (() => void)[] = [];
  const append = store.appendMany.bind(store);
  store.appendMany = (boardId, updates) =>
    new Promise<number>((resolve, reject) => commits.push(() => append(boardId, updates).then(resolve, reject)));
  return { store, commits };
}

describe("presence", () => {
  it("PERF-38 an awareness update listing 100 other clients (a stock client dropping timed-out peers) keeps its sender: its own entry is relayed, the rest skipped", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const registry = new RoomRegistry(store, options);
    const [typist, watcher] = [new TestPeer(true, "typist"), new TestPeer(true, "watcher")];
    const room = await registry.join("b1", typist);
    await registry.join("b1", watcher);
    const own = { clientId: 7, clock: 1, state: { user: typist.user, focus: null } };
    room.receive(typist, encodeAwareness(encodeAwarenessEntries([own])));
    // What y-websocket sends after 30 s without news of its peers: its own state renewed, every peer removed.
    const peers = Array.from({ length: 100 }, (_, i) => ({ clientId: 1000 + i, clock: 5, state: null }));
    watcher.sent.length = 0;
    room.receive(typist, encodeAwareness(encodeAwarenessEntries([{ ...own, clock: 2 }, ...peers])));
    expect(typist.closedWith).toBeNull();
    await vi.waitFor(() => expect(watcher.sent.some((frame) => frame[0] === MessageType.awareness)).toBe(true));
    expect([...room.awareness.getStates().keys()]).toEqual([7]);
  });
});

describe("save acknowledgements and back-pressure", () => {
  it("COLLAB-23 a frame is acknowledged only after it is committed, never before", async () => {
    const { store, commits } = stallingStore();
    const registry = new RoomRegistry(store, { ...options, compactEvery: 100 });
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    room.receive(peer, encodeUpdate(rowUpdate("one")));
    room.receive(peer, encodeUpdate(rowUpdate("two")));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(acksOf(peer)).toEqual([]);
    expect(room.pendingWork.unacknowledged).toBe(2);
    commits.shift()!();
    await waitUntil(() => acksOf(peer).length > 0);
    // Both frames were in one group commit (one row, seq 1): one cumulative acknowledgement.
    expect(acksOf(peer)).toEqual([[2, 1]]);
    expect((await store.load("b1")).tail).toHaveLength(1);
    room.receive(peer, encodeUpdate(new Uint8Array([0, 0])));
    // A frame that changes nothing is acknowledged at once when nothing is pending.
    expect(acksOf(peer).at(-1)).toEqual([3, 1]);
  });

  it("COLLAB-23 an acknowledgement waits while storage is down and comes once the retry commits", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    store.failWritesWith = new Error("database down");
    const registry = new RoomRegistry(store, { ...options, compactEvery: 100 });
    const peer = new TestPeer();
    const room = await registry.join("b1", peer);
    room.receive(peer, encodeUpdate(rowUpdate("kept")));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(acksOf(peer)).toEqual([]);
    store.failWritesWith = null;
    await waitUntil(() => acksOf(peer).length > 0);
    expect(acksOf(peer)).toEqual([[1, 1]]);
  });

  it("COLLAB-24 a socket is paused while the write backlog is too long and resumed once it drains", async () => {
    const { store, commits } = stallingStore();
    const registry = new RoomRegistry(store, { ...options, compactEvery: 1000, maxWriteBacklog: 4 });
    const peer = new TestPeer();
    const paused: boolean[] = [];
    peer.pause = () => paused.push(true);
    peer.resume = () => paused.push(false);
    const room = await registry.join("b1", peer);
    for (let i = 0; i < 6; i++) room.receive(peer, encodeUpdate(rowUpdate(`row ${i}`)));
    expect(paused).toContain(true);
    await waitUntil(() => commits.length > 0);
    expect(paused.at(-1)).toBe(true);
    // The six frames of this tick form one group commit; once it lands the socket reads again.
    commits.shift()!();
    await waitUntil(() => paused.at(-1) === false);
    expect(acksOf(peer).at(-1)?.[0]).toBe(6);
  });

  it("COLLAB-5 compactions of many rooms run through a shared limiter, never all at once", async () => {
    const store = new MemoryUpdateStore();
    let running = 0;
    let peak = 0;
    const compact = store.compact.bind(store);
    store.compact = async (boardId, merged, covers) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      return compact(boardId, merged, covers);
    };
    const registry = new RoomRegistry(store, { ...options, compactEvery: 1000, compactionConcurrency: 2 });
    const peers: [Room, TestPeer][] = [];
    for (let i = 0; i < 20; i++) {
      store.createBoard(`b${i}`);
      const peer = new TestPeer();
      const room = await registry.join(`b${i}`, peer);
      room.receive(peer, encodeUpdate(rowUpdate(`row ${i}`)));
      peers.push([room, peer]);
    }
    for (const [room, peer] of peers) registry.leave(room, peer);
    await waitUntil(() => registry.loadedBoardIds.length === 0);
    expect(peak).toBe(2);
    for (let i = 0; i < 20; i++) expect((await store.load(`b${i}`)).tail).toHaveLength(0);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
