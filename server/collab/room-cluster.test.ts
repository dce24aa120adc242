/**
 * Several instances in one process: two RoomRegistries (two "instances") on one store, fanned out through
 * the in-process bus. The same code runs over Redis in tests/integration/cluster.test.ts.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { addRow, readRows } from "../../core/board-doc";
import type { CollabConnection } from "./connection";
import { encodeAwareness, encodeUpdate } from "./frames";
import { LocalBusHub } from "./local-bus";
import { MemoryUpdateStore } from "./memory-update-store";
import { RoomRegistry } from "./room-registry";

class TestPeer implements CollabConnection {
  readonly id = Math.random().toString(36);
  readonly user = { id: "u1", name: "Peer", delegation: "Testland", color: "#123456" };
  readonly actor = { userId: "account-1", name: "Peer", delegationCode: "DE", delegationName: "Germany" };
  canWrite = () => true;
  send() {}
  close() {}
}

function rowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

function titles(doc: Y.Doc): string[] {
  return readRows(doc)
    .map((row) => row.title)
    .sort();
}

function cluster(compactEvery = 1000) {
  const store = new MemoryUpdateStore();
  store.createBoard("b1");
  const hub = new LocalBusHub();
  const options = { compactEvery, maxRejectedWrites: 2, unloadDelayMs: 0, log: () => undefined, gapGraceMs: 20 };
  const a = new RoomRegistry(store, { ...options, bus: hub.connect() });
  const b = new RoomRegistry(store, { ...options, bus: hub.connect() });
  return { store, a, b };
}

describe("rooms on several instances", () => {
  it("SCALE-1 updates and awareness received by one instance reach the other", async () => {
    const { a, b } = cluster();
    const [peerA, peerB] = [new TestPeer(), new TestPeer()];
    const roomA = await a.join("b1", peerA);
    const roomB = await b.join("b1", peerB);
    roomA.receive(peerA, encodeUpdate(rowUpdate("from A")));
    roomB.receive(peerB, encodeUpdate(rowUpdate("from B")));
    await until(() => titles(roomA.doc).length === 2 && titles(roomB.doc).length === 2, "convergence");
    expect(titles(roomA.doc)).toEqual(["from A", "from B"]);
    expect(titles(roomB.doc)).toEqual(titles(roomA.doc));

    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState({ cursor: "r1" });
    roomA.receive(peerA, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])));
    await until(() => roomB.awareness.getStates().has(client.clientID), "presence on B");
    await Promise.all([a.shutdown(), b.shutdown()]);
  });

  it("SCALE-2 an update whose relay was lost is caught up from the log when the next one shows the gap", async () => {
    const { store, a, b } = cluster();
    const [peerA, peerB] = [new TestPeer(), new TestPeer()];
    const roomA = await a.join("b1", peerA);
    const roomB = await b.join("b1", peerB);
    // Another instance stored this one, and its relay never arrived.
    await store.append("b1", rowUpdate("relay lost"), { authorId: null });
    roomA.receive(peerA, encodeUpdate(rowUpdate("relayed")));
    await until(() => titles(roomB.doc).length === 2, "catch-up on B");
    expect(titles(roomB.doc)).toEqual(["relay lost", "relayed"]);
    await Promise.all([a.shutdown(), b.shutdown()]);
  });

  it("SCALE-3 two instances compacting the same board at once keep every update", async () => {
    const { store, a, b } = cluster(4);
    const [peerA, peerB] = [new TestPeer(), new TestPeer()];
    const roomA = await a.join("b1", peerA);
    const roomB = await b.join("b1", peerB);
    for (let i = 0; i < 10; i++) {
      roomA.receive(peerA, encodeUpdate(rowUpdate(`A${i}`)));
      roomB.receive(peerB, encodeUpdate(rowUpdate(`B${i}`)));
    }
    await Promise.all([roomA.flush(), roomB.flush()]);
    const stored = await store.load("b1");
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const entry of stored.tail) Y.applyUpdate(doc, entry.data);
    expect(titles(doc)).toHaveLength(20);
    await until(() => titles(roomA.doc).length === 20 && titles(roomB.doc).length === 20, "convergence");
    await Promise.all([a.shutdown(), b.shutdown()]);
  });
});
