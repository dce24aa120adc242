import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, getRowText } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import { BroadcastBatch, MERGE_RUN, MERGE_TURN_MAX } from "./broadcast-batch";
import type { CollabConnection } from "./connection";
import { decodeClientFrame, encodeUpdate } from "./frames";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";
import { MAX_MERGED_RUN } from "./update-persister";

/** Server frames have the same layout as client frames: decode them with the same codec. */
class Peer implements CollabConnection {
  readonly id = Math.random().toString(36);
  readonly user = { id: this.id, name: "Peer", delegation: "Testland", color: "#123456" };
  readonly actor = { userId: `account-${this.id}`, name: "Peer", delegationCode: "DE", delegationName: "Germany" };
  sent: Uint8Array[] = [];
  /** Socket writes: one per send(), one per sendMany(). */
  writes = 0;
  canWrite = () => true;
  send(frame: Uint8Array) {
    this.sent.push(frame);
    this.writes++;
  }
  sendMany(frames: Uint8Array[]) {
    this.sent.push(...frames);
    this.writes++;
  }
  close() {}
  /** Document update frames received since the last call (not save acknowledgements, COLLAB-23). */
  takeFrames(): Uint8Array[] {
    const frames = this.sent.filter((frame) => frame[0] === MessageType.sync);
    this.sent = [];
    this.writes = 0;
    return frames;
  }
  takeUpdates(): Uint8Array[] {
    return this.takeFrames()
      .map(decodeClientFrame)
      .flatMap((frame) => (frame.kind === "update" ? [frame.update] : []));
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const options = { compactEvery: 1000, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };

async function roomWith(count: number, store = new MemoryUpdateStore()) {
  store.createBoard("b1");
  const registry = new RoomRegistry(store, options);
  const peers = Array.from({ length: count }, () => new Peer());
  const room = await Promise.all(peers.map((peer) => registry.join("b1", peer))).then((rooms) => rooms[0]);
  const seed = new Y.Doc();
  const rowId = addRow(seed, { title: "Row" });
  room.receive(peers[0], encodeUpdate(Y.encodeStateAsUpdate(seed)));
  await turn();
  for (const peer of peers) peer.takeFrames();
  return { room, peers, seed, rowId };
}

/** `n` keystrokes typed into the row's notes, each as its own update (as a client sends them). */
function keystrokes(seed: Y.Doc, rowId: string, n: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  seed.on("update", record);
  for (let i = 0; i < n; i++) getRowText(seed, rowId, "notes")!.insert(0, "x");
  seed.off("update", record);
  return updates;
}

/** A receiver holding what the room held before the keystrokes, then what it was sent. */
function receiverDoc(before: Uint8Array, updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, before);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe("broadcast batching", () => {
  it("PERF-1 updates from one turn reach each receiver in one socket write after the turn; a sender never gets its own back", async () => {
    const { room, peers, seed, rowId } = await roomWith(3);
    const before = Y.encodeStateAsUpdate(room.doc);
    for (const update of keystrokes(seed, rowId, 5)) room.receive(peers[0], encodeUpdate(update));
    expect(peers[1].sent).toHaveLength(0); // nothing is written until the turn ends
    await turn();
    expect(peers[0].takeUpdates()).toHaveLength(0);
    for (const peer of peers.slice(1)) {
      expect(peer.writes).toBe(1);
      const doc = receiverDoc(before, peer.takeUpdates());
      expect(getRowText(doc, rowId, "notes")!.toString()).toBe("xxxxx");
    }

    // Two senders in one turn: each gets the other's update only, a third connection both.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc));
    const [fromA] = keystrokes(seed, rowId, 1);
    const [fromB] = keystrokes(other, rowId, 1);
    room.receive(peers[0], encodeUpdate(fromA));
    room.receive(peers[1], encodeUpdate(fromB));
    await turn();
    expect(peers[0].takeUpdates()).toEqual([fromB]);
    expect(peers[1].takeUpdates()).toEqual([fromA]);
    expect(peers[2].writes).toBe(1);
    expect(peers[2].takeUpdates()).toEqual([fromA, fromB]);
  });

  it("PERF-35 a run of one connection's updates (at most MERGE_RUN) is one frame, encoded once for every receiver; other connections' updates stay separate frames, in order", async () => {
    const { room, peers, seed, rowId } = await roomWith(3);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateAsUpdate(room.doc);
    const first = keystrokes(seed, rowId, 3);
    const [fromB] = keystrokes(other, rowId, 1);
    const second = keystrokes(seed, rowId, 2);
    for (const update of first) room.receive(peers[0], encodeUpdate(update));
    room.receive(peers[1], encodeUpdate(fromB));
    for (const update of second) room.receive(peers[0], encodeUpdate(update));
    await turn();
    const [toA, toB, toC] = [peers[0].takeFrames(), peers[1].takeFrames(), peers[2].takeFrames()];
    expect(toC).toHaveLength(3); // A's run, B's update, A's next run
    expect(toB).toEqual([toC[0], toC[2]]);
    expect(toB[0]).toBe(toC[0]); // the same bytes: encoded once, not once per receiver
    expect(toA).toEqual([toC[1]]);
    expect(decodeClientFrame(toC[1])).toEqual({ kind: "update", update: fromB });
    const expected = getRowText(room.doc, rowId, "notes")!.toString();
    const updatesOf = (frames: Uint8Array[]) =>
      frames.map(decodeClientFrame).flatMap((frame) => (frame.kind === "update" ? [frame.update] : []));
    expect(getRowText(receiverDoc(before, updatesOf(toC)), rowId, "notes")!.toString()).toBe(expected);

    // A longer run is cut every MERGE_RUN updates (merging costs more per update the longer the run).
    const long = Y.encodeStateAsUpdate(room.doc);
    for (const update of keystrokes(seed, rowId, MERGE_RUN + 1)) room.receive(peers[0], encodeUpdate(update));
    await turn();
    const runs = peers[1].takeUpdates();
    expect(runs).toHaveLength(2);
    expect(getRowText(receiverDoc(long, runs), rowId, "notes")!.toString()).toBe(
      getRowText(room.doc, rowId, "notes")!.toString(),
    );
  });

  it("PERF-35 the update log stores a run of one author's updates as one row per MAX_MERGED_RUN updates, not one ever-longer merge", async () => {
    const store = new MemoryUpdateStore();
    const { room, peers, seed, rowId } = await roomWith(2, store);
    await room.settled();
    const rowsBefore = (await store.load("b1")).tail.length;
    for (const update of keystrokes(seed, rowId, MAX_MERGED_RUN + 1)) room.receive(peers[0], encodeUpdate(update));
    await room.settled();
    const { tail } = await store.load("b1");
    expect(tail.length - rowsBefore).toBe(2);
    const doc = new Y.Doc();
    for (const { data } of tail) Y.applyUpdate(doc, data);
    expect(getRowText(doc, rowId, "notes")!.length).toBe(MAX_MERGED_RUN + 1);
  });

  it("PERF-35 in a big room, a turn of many connections' updates is merged in chunks of MERGE_TURN_MAX, each one frame for everyone (runs × receivers would cost more)", async () => {
    const { room, peers, rowId } = await roomWith(12);
    const before = Y.encodeStateAsUpdate(room.doc);
    for (const peer of peers) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, before);
      const [update] = keystrokes(doc, rowId, 1);
      room.receive(peer, encodeUpdate(update));
    }
    await turn();
    for (const peer of peers) {
      const updates = peer.takeUpdates();
      expect(updates).toHaveLength(1);
      expect(getRowText(receiverDoc(before, updates), rowId, "notes")!.length).toBe(12);
    }

    // A longer turn is merged in chunks of MERGE_TURN_MAX: 12 typists × 22 keystrokes, interleaved.
    const start = Y.encodeStateAsUpdate(room.doc);
    const typists = peers.map(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, start);
      return doc;
    });
    for (let k = 0; k < 22; k++)
      peers.forEach((peer, i) => room.receive(peer, encodeUpdate(keystrokes(typists[i], rowId, 1)[0])));
    await turn();
    for (const peer of peers) {
      const updates = peer.takeUpdates();
      expect(updates).toHaveLength(Math.ceil((12 * 22) / MERGE_TURN_MAX));
      expect(getRowText(receiverDoc(start, updates), rowId, "notes")!.length).toBe(12 + 12 * 22);
    }
  });
});

describe("BroadcastBatch and the turn's socket writes", () => {
  it("PERF-70 each receiver's writes are flushed right after the batch queued its frames", () => {
    const log: string[] = [];
    const receiver = (name: string): CollabConnection => ({
      id: name,
      user: { id: name, name, delegation: "Testland", color: "#123456" },
      actor: null,
      canWrite: () => true,
      send: () => log.push(`${name} send`),
      flushWrites: () => log.push(`${name} flush`),
      close: () => undefined,
    });
    const receivers = [receiver("a"), receiver("b")];
    const batch = new BroadcastBatch(() => receivers);
    const doc = new Y.Doc();
    doc.on("update", (update: Uint8Array) => batch.add(update, null));
    addRow(doc, { title: "Cable" });
    batch.flush();
    expect(log).toEqual(["a send", "a flush", "b send", "b flush"]);
  });
});
