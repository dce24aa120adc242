import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { addRow, readRows } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import { exposeGc, settledHeapUsed } from "../../tests/support/force-gc";
import { TestPeer } from "../../tests/support/test-peer";
import type { CollabConnection } from "./connection";
import type { StoredBoardState } from "./update-store";
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./frames";
import { LocalBusHub } from "./local-bus";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";

const options = { compactEvery: 100, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

function rowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

/** The sync step 2 (or, with syncType 2, update) frames a peer received, and the update each carries. */
function step2Frames(peer: TestPeer, syncType = 1): { frame: Uint8Array; update: Uint8Array }[] {
  return peer.sent.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync || decoding.readVarUint(decoder) !== syncType) return [];
    return [{ frame, update: decoding.readVarUint8Array(decoder) }];
  });
}

/** A board stored as one snapshot of rows "a" and "b", nothing after it. */
async function snapshotOnlyBoard(store: MemoryUpdateStore): Promise<Uint8Array> {
  store.createBoard("b1");
  const seq = await store.append("b1", rowUpdate("a"), { authorId: null });
  const snapshot = Y.mergeUpdates([rowUpdate("a"), rowUpdate("b")]);
  await store.compact("b1", snapshot, seq);
  return snapshot;
}

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function titlesOf(update: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return readRows(doc)
    .map((row) => row.title)
    .sort();
}

async function open(registry: RoomRegistry, boardId: string, stateVector = EMPTY_STATE_VECTOR) {
  const peer = new TestPeer();
  const room = await registry.join(boardId, peer);
  room.receive(peer, encodeSyncStep1(stateVector));
  return { peer, room, step2: step2Frames(peer)[0] };
}

describe("sync step 2 for clients opening a board", () => {
  it("PERF-31 clients with an empty document share one encoded state until the document changes", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    await store.append("b1", rowUpdate("stored"), { authorId: null });
    const registry = new RoomRegistry(store, options);
    const first = await open(registry, "b1");
    const second = await open(registry, "b1");
    expect(titlesOf(first.step2.update)).toEqual(["stored"]);
    expect(second.step2.frame).toBe(first.step2.frame);

    first.room.receive(first.peer, encodeUpdate(rowUpdate("typed")));
    const third = await open(registry, "b1");
    expect(third.step2.frame).not.toBe(first.step2.frame);
    expect(titlesOf(third.step2.update)).toEqual(["stored", "typed"]);
    // A client that already has part of the board still gets only what it lacks, encoded for it.
    const partial = await open(registry, "b1", Y.encodeStateVector(first.room.doc));
    expect(partial.step2.update).toEqual(new Uint8Array([0, 0]));
  });

  it("PERF-31 the first client of a board stored as a snapshot alone receives exactly that state", async () => {
    const store = new MemoryUpdateStore();
    store.createBoard("b1");
    const seq = await store.append("b1", rowUpdate("a"), { authorId: null });
    const snapshot = Y.mergeUpdates([rowUpdate("a"), rowUpdate("b")]);
    await store.compact("b1", snapshot, seq);
    const registry = new RoomRegistry(store, options);
    const { step2, room } = await open(registry, "b1");
    expect(step2.update).toEqual(snapshot);
    expect(
      readRows(room.doc)
        .map((row) => row.title)
        .sort(),
    ).toEqual(["a", "b"]);
  });

  it("PERF-45 an opener of a board stored as one snapshot is sent it before the room is built, and not twice", async () => {
    const store = new MemoryUpdateStore();
    const snapshot = await snapshotOnlyBoard(store);
    const registry = new RoomRegistry(store, options);
    const peer = new TestPeer();
    const answered: { frame: Uint8Array; rooms: number }[] = [];
    const room = await registry.join("b1", peer, {
      answer: ([frame, ...rest]) => {
        answered.push({ frame, rooms: registry.stats().rooms });
        return rest.length === 0;
      },
      opened: Promise.resolve(),
    });
    expect(answered).toEqual([{ frame: encodeSyncStep2(snapshot), rooms: 0 }]);
    expect(titlesOf(Y.encodeStateAsUpdate(room.doc))).toEqual(["a", "b"]);
    // The client's opening sync step 1 (sent before the snapshot reached it) gets nothing more: it lacks nothing.
    room.receive(peer, encodeSyncStep1(EMPTY_STATE_VECTOR));
    expect(step2Frames(peer).map((frame) => frame.update)).toEqual([new Uint8Array([0, 0])]);
    expect(step2Frames(peer, 2)).toEqual([]);
    // A later opener, and a second sync step 1 of this one, get the whole state as usual.
    room.receive(peer, encodeSyncStep1(EMPTY_STATE_VECTOR));
    expect(titlesOf(step2Frames(peer)[1].update)).toEqual(["a", "b"]);
    expect(titlesOf((await open(registry, "b1")).step2.update)).toEqual(["a", "b"]);
  });

  it("PERF-58 a board with rows after its snapshot (a crash) is answered early too: the snapshot, then the rows as one update", async () => {
    const store = new MemoryUpdateStore();
    const snapshot = await snapshotOnlyBoard(store);
    for (const title of ["c", "d"]) await store.append("b1", rowUpdate(title), { authorId: null });
    const registry = new RoomRegistry(store, options);
    const peer = new TestPeer();
    const answered: { frames: Uint8Array[]; rooms: number }[] = [];
    const room = await registry.join("b1", peer, {
      answer: (frames) => answered.push({ frames, rooms: registry.stats().rooms }) > 0,
      opened: Promise.resolve(),
    });
    expect(answered).toHaveLength(1);
    expect(answered[0].rooms).toBe(0);
    const [step2, rows] = answered[0].frames;
    expect(step2).toEqual(encodeSyncStep2(snapshot));
    const client = new Y.Doc();
    Y.applyUpdate(client, snapshot);
    const decoder = decoding.createDecoder(rows);
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([MessageType.sync, 2]);
    Y.applyUpdate(client, decoding.readVarUint8Array(decoder));
    expect(titlesOf(Y.encodeStateAsUpdate(client))).toEqual(["a", "b", "c", "d"]);
    // It holds the whole board: its opening sync step 1 gets nothing more, and the room sends nothing after.
    room.receive(peer, encodeSyncStep1(EMPTY_STATE_VECTOR));
    expect(step2Frames(peer).map((frame) => frame.update)).toEqual([new Uint8Array([0, 0])]);
    expect(step2Frames(peer, 2)).toEqual([]);
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(room.doc));
  });

  it("PERF-57 the build waits for an opener's first frame: one read after the stored state still gets it before the room exists", async () => {
    const store = new MemoryUpdateStore();
    const snapshot = await snapshotOnlyBoard(store);
    const registry = new RoomRegistry(store, options);
    let opening = false;
    let markOpened!: () => void;
    const answered: { opening: boolean; rooms: number }[] = [];
    const joined = registry.join("b1", new TestPeer(), {
      answer: () => answered.push({ opening, rooms: registry.stats().rooms }) > 0 && opening,
      opened: new Promise<void>((resolve) => (markOpened = resolve)),
    });
    // The socket's first frame is read a few event-loop turns after the board's state was.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toEqual([]);
    opening = true;
    markOpened();
    const room = await joined;
    expect(answered).toEqual([{ opening: true, rooms: 0 }]);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(Y.encodeStateAsUpdate(docOf(snapshot)));
  });

  it("PERF-45 what the room gained between the early answer and the join (a catch-up from the log) is sent after it", async () => {
    const store = new MemoryUpdateStore();
    const snapshot = await snapshotOnlyBoard(store);
    const registry = new RoomRegistry(store, { ...options, bus: new LocalBusHub().connect() });
    const peer = new TestPeer();
    // Another instance appends right after this one read the snapshot: the room's catch-up after subscribing reads it.
    await registry.join("b1", peer, {
      answer: () => {
        void store.append("b1", rowUpdate("c"), { authorId: null });
        return true;
      },
      opened: Promise.resolve(),
    });
    const sentAfter = step2Frames(peer, 2);
    expect(sentAfter).toHaveLength(1);
    expect(titlesOf(Y.mergeUpdates([snapshot, sentAfter[0].update]))).toEqual(["a", "b", "c"]);
    await registry.shutdown();
  });

  it("PERF-54 the room keeps the frame its early openers were sent, not a second copy of the snapshot", async () => {
    const store = new MemoryUpdateStore();
    await snapshotOnlyBoard(store);
    const registry = new RoomRegistry(store, options);
    let early: Uint8Array | null = null;
    await registry.join("b1", new TestPeer(), {
      answer: ([frame]) => Boolean((early = frame)),
      opened: Promise.resolve(),
    });
    expect((await open(registry, "b1")).step2.frame).toBe(early);
  });

  it("PERF-54 an idle room does not keep the encoded state it sent openers: a full GC frees it", async () => {
    const gc = exposeGc();
    const store = new MemoryUpdateStore();
    const snapshot = await snapshotOnlyBoard(store);
    const registry = new RoomRegistry(store, options);
    // A connection that lets go of what it was sent, as a socket does once the frame is written.
    const sent: WeakRef<Uint8Array>[] = [];
    const quiet = (id: string): CollabConnection => ({
      id,
      user: { id: "account-1", name: "Peer", delegation: "Testland", color: "#123456" },
      actor: null,
      canWrite: () => true,
      send: (frame) => void sent.push(new WeakRef(frame)),
      close: () => undefined,
    });
    const early = quiet("early");
    const room = await registry.join("b1", early, {
      answer: (frames) => frames.every((frame) => sent.push(new WeakRef(frame))),
      opened: Promise.resolve(),
    });
    const late = quiet("late");
    await registry.join("b1", late);
    room.receive(late, encodeSyncStep1(EMPTY_STATE_VECTOR));
    // And the frame encoded from the live document once it changed.
    room.receive(late, encodeUpdate(rowUpdate("typed")));
    const another = quiet("another");
    await registry.join("b1", another);
    room.receive(another, encodeSyncStep1(EMPTY_STATE_VECTOR));
    const wholeState = () => sent.filter((ref) => (ref.deref()?.byteLength ?? 0) > snapshot.byteLength);
    expect(wholeState().length).toBeGreaterThanOrEqual(2);
    await settledHeapUsed(gc);
    expect(wholeState()).toEqual([]);
    expect(titlesOf((await open(registry, "b1")).step2.update)).toEqual(["a", "b", "typed"]);
  });

  it("PERF-54 a loaded room does not keep the stored state it was built from", async () => {
    const gc = exposeGc();
    const read: WeakRef<Uint8Array>[] = [];
    // Hands out copies, as a database driver does, and watches whether anything keeps them.
    class CopyingStore extends MemoryUpdateStore {
      override async load(boardId: string): Promise<StoredBoardState> {
        const stored = await super.load(boardId);
        const snapshot = stored.snapshot && new Uint8Array(stored.snapshot);
        const tail = stored.tail.map((entry) => ({ ...entry, data: new Uint8Array(entry.data) }));
        for (const bytes of [snapshot, ...tail.map((entry) => entry.data)]) if (bytes) read.push(new WeakRef(bytes));
        return { ...stored, snapshot, tail };
      }
    }
    const store = new CopyingStore();
    await snapshotOnlyBoard(store);
    await store.append("b1", rowUpdate("c"), { authorId: null });
    const room = await new RoomRegistry(store, options).join("b1", new TestPeer());
    expect(read).toHaveLength(2);
    await settledHeapUsed(gc);
    expect(read.filter((ref) => ref.deref())).toEqual([]);
    expect(titlesOf(Y.encodeStateAsUpdate(room.doc))).toEqual(["a", "b", "c"]);
  });
});

/** Joins an early opener of "b1" that is answered with the stored snapshot; returns a weak hold on that frame. */
async function openEarly(registry: RoomRegistry) {
  let early: WeakRef<Uint8Array> | null = null;
  const room = await registry.join("b1", new TestPeer(), {
    answer: ([frame]) => Boolean((early = new WeakRef(frame))),
    opened: Promise.resolve(),
  });
  return { room, early: early! };
}

describe("the frame a board's early openers were sent", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("PERF-62 is kept through a full GC for the next opener, until the document changes", async () => {
    const gc = exposeGc();
    const store = new MemoryUpdateStore();
    await snapshotOnlyBoard(store);
    const registry = new RoomRegistry(store, options);
    const { room, early } = await openEarly(registry);
    // The early opener (a TestPeer) keeps nothing it was answered with: only the registry can hold the frame now.
    await settledHeapUsed(gc);
    expect(early.deref()).toBeDefined();
    // The next opener is sent the same bytes, not a fresh encode of the document.
    const next = new TestPeer();
    await registry.join("b1", next);
    next.sent.length = 0;
    room.receive(next, encodeSyncStep1(EMPTY_STATE_VECTOR));
    expect(next.sent).toHaveLength(1);
    expect(next.sent[0]).toBe(early.deref());
    next.sent.length = 0;
    // Once the document changes the frame is stale: nothing keeps it any more.
    room.receive(next, encodeUpdate(rowUpdate("typed")));
    await settledHeapUsed(gc);
    expect(early.deref()).toBeUndefined();
  });

  it("PERF-62 is let go after EARLY_FRAME_HOLD_MS (3 s) even if the document never changes", async () => {
    const gc = exposeGc();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const store = new MemoryUpdateStore();
    await snapshotOnlyBoard(store);
    const { early } = await openEarly(new RoomRegistry(store, options));
    vi.advanceTimersByTime(2_900);
    await settledHeapUsed(gc);
    expect(early.deref()).toBeDefined();
    vi.advanceTimersByTime(100);
    await settledHeapUsed(gc);
    expect(early.deref()).toBeUndefined();
  });
});
