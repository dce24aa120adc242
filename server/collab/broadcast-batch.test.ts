import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, getRowText } from "../../core/board-doc";
import { MessageType } from "../../core/collab-protocol";
import type { CollabConnection } from "./connection";
import { decodeClientFrame, encodeUpdate } from "./frames";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";

/** Server frames have the same layout as client frames: decode them with the same codec. */
class Peer implements CollabConnection {
  readonly id = Math.random().toString(36);
  readonly user = { id: this.id, name: "Peer", delegation: "Testland", color: "#123456" };
  readonly actor = { userId: `account-${this.id}`, name: "Peer", delegationCode: "DE", delegationName: "Germany" };
  sent: Uint8Array[] = [];
  canWrite = () => true;
  send(frame: Uint8Array) {
    this.sent.push(frame);
  }
  close() {}
  /** Document updates received since the last call. */
  takeUpdates(): Uint8Array[] {
    const updates = this.sent
      .filter((frame) => frame[0] === MessageType.sync) // not save acknowledgements (COLLAB-23)
      .map(decodeClientFrame)
      .flatMap((frame) => (frame.kind === "update" ? [frame.update] : []));
    this.sent = [];
    return updates;
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const options = { compactEvery: 1000, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined };

async function roomWith(count: number) {
  const store = new MemoryUpdateStore();
  store.createBoard("b1");
  const registry = new RoomRegistry(store, options);
  const peers = Array.from({ length: count }, () => new Peer());
  const room = await Promise.all(peers.map((peer) => registry.join("b1", peer))).then((rooms) => rooms[0]);
  const seed = new Y.Doc();
  const rowId = addRow(seed, { title: "Row" });
  room.receive(peers[0], encodeUpdate(Y.encodeStateAsUpdate(seed)));
  await turn();
  for (const peer of peers) peer.sent = [];
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

describe("broadcast batching", () => {
  it("PERF-1 updates from one turn reach each receiver as one merged frame; a lone sender does not get its own back", async () => {
    const { room, peers, seed, rowId } = await roomWith(3);
    const mirror = new Y.Doc(); // what a receiver held before the keystrokes
    Y.applyUpdate(mirror, Y.encodeStateAsUpdate(room.doc));
    for (const update of keystrokes(seed, rowId, 5)) room.receive(peers[0], encodeUpdate(update));
    expect(peers[1].sent).toHaveLength(0); // nothing is written until the turn ends
    await turn();
    expect(peers[0].takeUpdates()).toHaveLength(0);
    for (const peer of peers.slice(1)) {
      const updates = peer.takeUpdates();
      expect(updates).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(mirror));
      Y.applyUpdate(doc, updates[0]);
      expect(getRowText(doc, rowId, "notes")!.toString()).toBe("xxxxx");
    }

    // Two senders in one turn: everyone gets the one merged frame (applying a known update is a no-op).
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc));
    const [fromA] = keystrokes(seed, rowId, 1);
    const [fromB] = keystrokes(other, rowId, 1);
    room.receive(peers[0], encodeUpdate(fromA));
    room.receive(peers[1], encodeUpdate(fromB));
    await turn();
    for (const peer of peers) expect(peer.takeUpdates()).toHaveLength(1);
  });
});
