/**
 * COLLAB-28: updates held for their dependencies (COLLAB-20) are never lost unannounced. A reload of the room
 * (COLLAB-18) does not run their wait out, and a connection the room closed is acknowledged nothing more, so no
 * acknowledgement covers an update that was dropped. COLLAB-30: nor one dropped because its sender could not write.
 * COLLAB-43: held updates applied after a reload are acknowledged once committed.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { addRow, readRows, setCategory } from "../../core/board-doc";
import { CloseCode, MessageType } from "../../core/collab-protocol";
import { TestPeer } from "../../tests/support/test-peer";
import { encodeSyncStep2, encodeUpdate } from "./frames";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";
import type { Room } from "./room";

const options = { compactEvery: 1000, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };

async function setup(pendingTimeoutMs: number) {
  const store = new MemoryUpdateStore();
  store.createBoard("b1");
  const registry = new RoomRegistry(store, { ...options, pendingTimeoutMs });
  const alice = new TestPeer(true, "alice");
  const bob = new TestPeer(true, "bob");
  const room = await registry.join("b1", alice);
  await registry.join("b1", bob);
  return { store, room, alice, bob };
}

/** Frame counts of the acknowledgements (COLLAB-23) a peer received. */
function acknowledgedFrames(peer: TestPeer): number[] {
  return peer.sent
    .filter((frame) => frame[0] === MessageType.ack)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      return decoding.readVarUint(decoder);
    });
}

/** A row (first update) and a category change that depends on it (second): sent second first, it is held. */
function rowThenCategory() {
  const doc = new Y.Doc();
  const rowId = addRow(doc, { title: "held" });
  const first = Y.encodeStateAsUpdate(doc);
  const before = Y.encodeStateVector(doc);
  setCategory(doc, rowId, "data");
  return { doc, first, second: Y.encodeStateAsUpdate(doc, before) };
}

/** Makes the room's next transactions throw once, at the `nth` (as a failing observer would): the room is poisoned. */
function throwAtTransaction(room: Room, nth: number): void {
  let seen = 0;
  const hook = () => {
    if (++seen < nth) return;
    room.doc.off("afterTransaction", hook);
    throw new Error("observer failed");
  };
  room.doc.on("afterTransaction", hook);
}

/** `peer` sends a row while the room's next transaction throws: the room is poisoned and reloads from the log. */
function poisonBy(room: Room, peer: TestPeer): void {
  throwAtTransaction(room, 1);
  const doc = new Y.Doc();
  addRow(doc, { title: "poison" });
  room.receive(peer, encodeUpdate(Y.encodeStateAsUpdate(doc)));
}

/** The board as its update log holds it. */
async function storedDoc(store: MemoryUpdateStore): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const entry of (await store.load("b1")).tail) Y.applyUpdate(doc, entry.data);
  return doc;
}

describe("held updates", () => {
  afterEach(() => void vi.useRealTimers());

  it("COLLAB-28 an update held while the room reloads is applied after the reload, not refused as pending", async () => {
    // setImmediate stays real: the persister's group commit window (COLLAB-33) waits for it.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    const { store, room, alice, bob } = await setup(1000);
    const { first, second } = rowThenCategory();
    room.receive(alice, encodeUpdate(second));

    // Bob's update poisons the room; its reload waits on storage longer than the pending timeout.
    let release = () => {};
    const load = store.load.bind(store);
    vi.spyOn(store, "load").mockImplementationOnce(async (boardId) => {
      await new Promise<void>((resolve) => (release = resolve));
      return load(boardId);
    });
    poisonBy(room, bob);
    expect(bob.closedWith).toBe(CloseCode.updateRejected);

    room.receive(alice, encodeUpdate(first)); // waits for the reload, in order
    await vi.advanceTimersByTimeAsync(3000);
    expect(alice.closedWith).toBeNull();

    release();
    await room.whenHealthy();
    await room.settled();
    expect(alice.closedWith).toBeNull();
    expect(readRows(room.doc).map((row) => row.category)).toEqual(["data"]);
    // Both frames are committed, and acknowledged as such.
    expect(acknowledgedFrames(alice).at(-1)).toBe(2);
    expect(readRows(await storedDoc(store)).map((row) => row.category)).toEqual(["data"]);
  });

  it("COLLAB-43 a held update that the reload lets apply is acknowledged once committed, without waiting for its sender's next frame", async () => {
    const { store, room, alice, bob } = await setup(60_000);
    const { first, second } = rowThenCategory();
    room.receive(alice, encodeUpdate(second)); // frame 1: held, the row it changes is not in the room yet
    await room.settled();
    expect(acknowledgedFrames(alice)).toEqual([]);
    // Another instance stores the row (this room never sees it relayed); then a reload reads it from the log.
    await store.appendMany("b1", [{ update: first, meta: { authorId: null } }]);
    poisonBy(room, bob);
    await room.whenHealthy();
    await room.settled();
    expect(readRows(room.doc).map((row) => row.category)).toEqual(["data"]);
    // Alice sends nothing more: her held frame, now applied and committed, is acknowledged all the same.
    expect(acknowledgedFrames(alice)).toEqual([1]);
    expect(readRows(await storedDoc(store)).map((row) => row.category)).toEqual(["data"]);
  });

  it("COLLAB-45 a held update whose sender lost write access meanwhile is never applied or acknowledged, even by a reload", async () => {
    const { store, room, alice, bob } = await setup(60_000);
    const { first, second } = rowThenCategory();
    room.receive(alice, encodeUpdate(second)); // frame 1: held
    await room.settled();
    // Alice is made an observer while her update waits; then the row it needs arrives and a reload retries it.
    alice.canWrite = () => false;
    await store.appendMany("b1", [{ update: first, meta: { authorId: null } }]);
    poisonBy(room, bob);
    await room.whenHealthy();
    await room.settled();
    expect(readRows(room.doc).map((row) => row.category)).toEqual(["cyber"]); // the default, not "data"
    expect(acknowledgedFrames(alice)).toEqual([]);
    expect(readRows(await storedDoc(store)).map((row) => row.category)).toEqual(["cyber"]);
  });

  it("COLLAB-28 a sender closed while its held updates are retried is acknowledged nothing that covers them", async () => {
    const { room, alice } = await setup(60_000);
    const { doc, first, second } = rowThenCategory();
    const before = Y.encodeStateVector(doc);
    setCategory(doc, readRows(doc)[0].id, "hybrid");
    const third = Y.encodeStateAsUpdate(doc, before);
    room.receive(alice, encodeUpdate(second)); // frame 1, held
    room.receive(alice, encodeUpdate(third)); // frame 2, held
    // The first held update to be retried makes applying throw: Alice is closed, her third update never applies.
    throwAtTransaction(room, 2);
    room.receive(alice, encodeUpdate(first)); // frame 3: applied, then the held ones are retried
    expect(alice.closedWith).toBe(CloseCode.updateRejected);
    // A frame of hers already in flight arrives during the reload.
    const late = new Y.Doc();
    addRow(late, { title: "in flight" });
    room.receive(alice, encodeUpdate(Y.encodeStateAsUpdate(late))); // frame 4
    await room.whenHealthy();
    await room.settled();
    // Frames are acknowledged cumulatively: any acknowledgement would claim frames 1 and 2 committed.
    expect(acknowledgedFrames(alice)).toEqual([]);
    expect(readRows(room.doc).map((row) => row.title)).toEqual(["held"]);
  });

  it("COLLAB-30 a write dropped because its sender may not write is never acknowledged; write access back, its client's state is asked for and acknowledged once committed", async () => {
    const { store, room, alice } = await setup(60_000);
    let canWrite = false; // the board is archived
    alice.canWrite = () => canWrite;
    const doc = new Y.Doc();
    addRow(doc, { title: "typed as the board was archived" });
    room.receive(alice, encodeUpdate(Y.encodeStateAsUpdate(doc))); // frame 1, dropped
    await room.settled();
    expect(acknowledgedFrames(alice)).toEqual([]);
    expect(readRows(room.doc)).toEqual([]);

    canWrite = true; // restored
    const before = Y.encodeStateVector(doc);
    addRow(doc, { title: "typed after" });
    const sentBefore = alice.sent.length;
    room.receive(alice, encodeUpdate(Y.encodeStateAsUpdate(doc, before))); // frame 2, applied
    await room.settled();
    // Acknowledging frame 2 would cover frame 1: the server asks for the client's state instead.
    expect(acknowledgedFrames(alice)).toEqual([]);
    const asked = alice.sent.slice(sentBefore).find((frame) => frame[0] === MessageType.sync && frame[1] === 0);
    expect(asked).toBeDefined();
    // The client's answer (sync step 2 against the server's state vector) carries the dropped row.
    const stateVector = decoding.readVarUint8Array(decoding.createDecoder(asked!.subarray(2)));
    room.receive(alice, encodeSyncStep2(Y.encodeStateAsUpdate(doc, stateVector))); // frame 3
    await room.settled();
    expect(acknowledgedFrames(alice)).toEqual([3]);
    expect(
      readRows(await storedDoc(store))
        .map((row) => row.title)
        .sort(),
    ).toEqual(["typed after", "typed as the board was archived"]);
  });
});
