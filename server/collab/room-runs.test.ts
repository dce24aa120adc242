/**
 * PERF-65: the frames of one socket read are handed to the room together; a run of plain writes is applied in one
 * Yjs transaction, each write still checked on its own (against the document as the writes before it left it) and
 * acknowledged on its own once durable. Anything else ends the run and is handled exactly as a frame on its own.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { addRow, getRowText, readRows, setCategory } from "../../core/board-doc";
import { CloseCode, MessageType } from "../../core/collab-protocol";
import { TestPeer } from "../../tests/support/test-peer";
import { encodeUpdate } from "./frames";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";
import { FrameBatcher } from "./socket-limits";

const options = { compactEvery: 1000, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };

async function setup() {
  const store = new MemoryUpdateStore();
  store.createBoard("b1");
  const registry = new RoomRegistry(store, options);
  const alice = new TestPeer(true, "alice");
  const bob = new TestPeer(true, "bob");
  const room = await registry.join("b1", alice);
  await registry.join("b1", bob);
  let transactions = 0;
  room.doc.on("afterTransaction", () => (transactions += 1));
  return { store, room, alice, bob, transactions: () => transactions };
}

/** A client's row, then `count` keystrokes into its notes: one update frame each, as y-websocket sends them. */
function typing(count: number, title = "typed") {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const rowId = addRow(doc, { title });
  const notes = getRowText(doc, rowId, "notes")!;
  for (let k = 0; k < count; k++) notes.insert(notes.length, "x");
  return { doc, rowId, frames: updates.map((update) => encodeUpdate(update)) };
}

/** Sync "update" messages (type 0, sync type 2) a peer was sent. */
const updateFramesOf = (peer: TestPeer) => peer.sent.filter((frame) => frame[0] === MessageType.sync && frame[1] === 2);

/** The frame count of the last acknowledgement (COLLAB-23) a peer was sent (its message type is one byte). */
function lastAcknowledged(peer: TestPeer): number {
  const ack = peer.sent.filter((frame) => frame[0] === MessageType.ack).at(-1);
  return ack ? decoding.readVarUint(decoding.createDecoder(ack.subarray(1))) : 0;
}

const notesOf = (doc: Y.Doc) => readRows(doc).map((row) => row.notes);

describe("runs of writes read together (PERF-65)", () => {
  it("PERF-65 a read of 21 writes is one transaction, one log row and one frame to the others; every frame is acknowledged once durable", async () => {
    const { store, room, alice, bob, transactions } = await setup();
    const { doc, frames } = typing(20);
    const before = transactions();
    const bobFramesBefore = updateFramesOf(bob).length;
    room.receiveMany(alice, frames);
    expect(transactions() - before).toBe(1);
    await room.settled();
    await vi.waitFor(() => expect(updateFramesOf(bob).length).toBe(bobFramesBefore + 1));
    expect(notesOf(room.doc)).toEqual(notesOf(doc));
    expect((await store.load("b1")).tail).toHaveLength(1);
    await vi.waitFor(() => expect(lastAcknowledged(alice)).toBe(frames.length));
    expect(alice.closedWith).toBeNull();
    // What bob received is the whole run.
    const bobDoc = new Y.Doc();
    for (const frame of updateFramesOf(bob)) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(bobDoc, decoding.readVarUint8Array(decoder));
    }
    expect(notesOf(bobDoc)).toEqual(notesOf(doc));
  });

  it("PERF-65 a refused write ends the run: the writes before it are applied, it is refused as on its own, nothing after it is applied", async () => {
    const { store, room, alice } = await setup();
    const { frames } = typing(4);
    const hostile = new Y.Doc();
    hostile.getMap("evil").set("x", 1);
    room.receiveMany(alice, [...frames.slice(0, 3), encodeUpdate(Y.encodeStateAsUpdate(hostile)), ...frames.slice(3)]);
    expect(alice.closedWith).toBe(CloseCode.updateRejected);
    expect(alice.closeReason).toBe("root-type");
    expect(room.doc.share.has("evil")).toBe(false);
    // The row and its first two keystrokes are in; the keystroke after the refused frame is not.
    expect(notesOf(room.doc)).toEqual(["xx"]);
    await room.settled();
    const stored = new Y.Doc();
    for (const entry of (await store.load("b1")).tail) Y.applyUpdate(stored, entry.data);
    expect(notesOf(stored)).toEqual(["xx"]);
  });

  it("PERF-65 a write that waits for its dependencies ends the run and is held as on its own; the one it waits for, later in the same read, lets it apply", async () => {
    const { store, room, alice } = await setup();
    const doc = new Y.Doc();
    const rowId = addRow(doc, { title: "held" });
    const first = Y.encodeStateAsUpdate(doc);
    const vector = Y.encodeStateVector(doc);
    setCategory(doc, rowId, "data");
    const second = Y.encodeStateAsUpdate(doc, vector);
    room.receiveMany(alice, [encodeUpdate(second), encodeUpdate(first)]);
    expect(readRows(room.doc)).toEqual(readRows(doc));
    await room.settled();
    await vi.waitFor(() => expect(lastAcknowledged(alice)).toBe(2));
    expect(alice.closedWith).toBeNull();
    expect((await store.load("b1")).tail.length).toBeGreaterThan(0);
  });

  it("PERF-65 the frames pushed in one task are handed on together, in order, at its end; a later task's are another batch", async () => {
    const batches: number[][] = [];
    const batcher = new FrameBatcher<number>((frames) => batches.push(frames));
    batcher.push(1);
    batcher.push(2);
    batcher.push(3);
    expect(batches).toEqual([]);
    await Promise.resolve();
    expect(batches).toEqual([[1, 2, 3]]);
    await new Promise((resolve) => setImmediate(resolve));
    batcher.push(4);
    await Promise.resolve();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });
});
