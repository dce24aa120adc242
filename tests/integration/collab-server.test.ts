/**
 * The collaboration server end to end: real server on port 0, real SQLite
 * file, real y-websocket clients. Test names carry the rule ids of
 * docs/collab-spec.md.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { addRow, getRowText, linkInstrument, readRow, readRows, setResponsibility } from "../../core/board-doc";
import { CloseCode } from "../../core/collab-protocol";
import { encodeSyncStep1, encodeUpdate } from "../../server/collab/frames";
import { PrismaUpdateStore } from "../../server/db/prisma-update-store";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { connectClient, openCollabSocket, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { clientFrame, openRawWebSocket, serverCloseCode } from "../support/raw-socket";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ env: { COMPACT_EVERY: "1000", MAX_FRAME_BYTES: String(64 * 1024) }, per: "test" });
let boardId: string;
const clients: TestClient[] = [];
let alice: string;
let bob: string;
let aliceAccount: TestAccount;

function client(cookie?: string, doc?: Y.Doc): TestClient {
  cookie ??= alice;
  const created = connectClient(remit.server.url, boardId, { cookie, doc });
  clients.push(created);
  return created;
}

async function logRowCount(): Promise<number> {
  return remit.server.prisma.boardUpdate.count({ where: { boardId } });
}

/** Stores the board as one snapshot with nothing after it and waits for its room to unload (PERF-45's cold board). */
async function storeAsOneSnapshot(): Promise<{ page: Y.Doc; snapshot: Uint8Array }> {
  const store = new PrismaUpdateStore(remit.server.prisma);
  const stored = await store.load(boardId);
  const page = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(page, stored.snapshot);
  for (const entry of stored.tail) Y.applyUpdate(page, entry.data);
  const snapshot = Y.encodeStateAsUpdate(page);
  await store.compact(boardId, snapshot, stored.tail.at(-1)?.id ?? stored.snapshotCoversUpdateId);
  await waitFor(() => !remit.server.registry.loadedBoardIds.includes(boardId), "room unloaded");
  return { page, snapshot };
}

/** Opens a plain ws socket and resolves with the close code the server sends. */
function closeCodeOf(open: (socket: WebSocket) => void, cookie?: string): Promise<number> {
  cookie ??= alice;
  return new Promise((resolve, reject) => {
    const socket = openCollabSocket(remit.server.url, boardId, cookie);
    socket.on("open", () => open(socket));
    socket.on("close", (code) => resolve(code));
    socket.on("error", reject);
  });
}

beforeEach(async () => {
  aliceAccount = await createAccount(remit.server, "Alice", "DE");
  const bobAccount = await createAccount(remit.server, "Bob", "FR");
  alice = aliceAccount.cookie;
  bob = bobAccount.cookie;
  boardId = (await remit.server.access.createBoard(aliceAccount.user.id, { title: "Test board", template: "starter" }))
    .id;
  await addMember(remit.server, aliceAccount, boardId, bobAccount, "delegate");
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.destroy();
});

describe("collaboration server", () => {
  it("COLLAB-1 a client joining late receives the full state", async () => {
    const a = client();
    await waitForSync(a);
    expect(readRows(a.doc)).toHaveLength(15);
    const rowId = addRow(a.doc, { title: "Late-join check" });
    await waitFor(() => readRow(a.doc, rowId) !== null, "local row");
    const b = client(bob);
    await waitForSync(b);
    await waitFor(() => readRow(b.doc, rowId)?.title === "Late-join check", "late joiner to see the row");
    expect(readRows(b.doc)).toHaveLength(16);
  });

  it("COLLAB-2 concurrent edits to the same text field and the same row converge", async () => {
    const a = client();
    const b = client(bob);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    const rowId = readRows(a.doc)[0].id;
    const original = readRow(a.doc, rowId)!.title;
    // Same text field, same moment: both insertions survive, character by character.
    getRowText(a.doc, rowId, "title")!.insert(0, "AAA ");
    getRowText(b.doc, rowId, "title")!.insert(original.length, " BBB");
    // Same row, different fields and a set: nothing is lost.
    setResponsibility(a.doc, rowId, "Shared", "EU");
    linkInstrument(b.doc, rowId, "eu-nis2-directive");
    await waitFor(() => JSON.stringify(readRow(a.doc, rowId)) === JSON.stringify(readRow(b.doc, rowId)), "convergence");
    const row = readRow(a.doc, rowId)!;
    expect(row.title).toBe(`AAA ${original} BBB`);
    expect(row.responsibility).toBe("Shared");
    expect(row.lead).toBe("EU");
    expect(row.instrumentIds).toContain("eu-nis2-directive");
  });

  it("COLLAB-3 state is intact after the server is stopped and started again", async () => {
    const a = client();
    await waitForSync(a);
    const rowId = addRow(a.doc, { title: "Persist me", notes: "with notes" });
    setResponsibility(a.doc, rowId, "EU");
    await waitFor(() => remit.server.registry.loadedBoardIds.includes(boardId), "room loaded");
    const room = await remit.server.registry.loadedRoom(boardId);
    await room!.flush();
    a.destroy();
    clients.length = 0;
    await remit.restart();
    const b = client(bob);
    await waitForSync(b);
    expect(readRow(b.doc, rowId)).toMatchObject({ title: "Persist me", notes: "with notes", responsibility: "EU" });
    expect(readRows(b.doc)).toHaveLength(16);
  });

  it("COLLAB-4 edits made while the server is down are merged after reconnect", async () => {
    const a = client();
    await waitForSync(a);
    const port = remit.server.port;
    const rowId = readRows(a.doc)[0].id;
    await remit.restart({ PORT: String(port) }, async () => {
      await waitFor(() => !a.provider.wsconnected, "client to notice the outage");
      getRowText(a.doc, rowId, "notes")!.insert(0, "typed while offline");
      setResponsibility(a.doc, rowId, "Unassigned");
    });
    await waitFor(() => a.provider.synced && a.provider.wsconnected, "reconnect", 10_000);
    const b = client(bob);
    await waitForSync(b);
    await waitFor(() => readRow(b.doc, rowId)?.notes === "typed while offline", "offline edit to reach others");
    expect(readRow(b.doc, rowId)?.responsibility).toBe("Unassigned");
  });

  it("PERF-45 a client opening a cold board it already holds (the board page) is not sent the stored snapshot again", async () => {
    const { page, snapshot } = await storeAsOneSnapshot();
    // Like the page, which builds its document from the state in its HTML before it connects.
    const socket = openCollabSocket(remit.server.url, boardId, alice);
    const syncStep2Bytes: number[] = [];
    socket.on("open", () => socket.send(encodeSyncStep1(Y.encodeStateVector(page))));
    socket.on("message", (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) syncStep2Bytes.push(data.length);
    });
    await waitFor(() => syncStep2Bytes.length > 0, "the answer to its sync step 1");
    socket.close();
    expect(snapshot.length).toBeGreaterThan(1000);
    expect(syncStep2Bytes.every((bytes) => bytes < snapshot.length / 2)).toBe(true);
  });

  it("PERF-57 a client opening a cold board holding nothing is sent the stored snapshot before the room is built", async () => {
    const { snapshot } = await storeAsOneSnapshot();
    // Its sync step 1 is read after the stored state (the read takes microtasks, the socket's frame an I/O turn).
    const socket = openCollabSocket(remit.server.url, boardId, alice);
    const syncFrames: { type: number; bytes: number }[] = [];
    socket.on("open", () => socket.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))));
    socket.on("message", (data: Buffer) => {
      if (data[0] === 0) syncFrames.push({ type: data[1], bytes: data.length });
    });
    await waitFor(() => syncFrames.some((frame) => frame.type === 0), "the room's own sync step 1");
    socket.close();
    // The snapshot's sync step 2 came first: sent while the room was built, not after it.
    expect(syncFrames[0].type).toBe(1);
    expect(syncFrames[0].bytes).toBeGreaterThan(snapshot.length);
  });

  it("COLLAB-5 the update log is compacted and snapshot + tail load the same document", async () => {
    // Exactly every 5 (PERF-74 would compact anywhere from 5 to 7 updates, and the counts below assume 5).
    await remit.restart({ COMPACT_EVERY: "5", COMPACT_SPREAD: "0" });
    const a = client();
    await waitForSync(a);
    const rowId = readRows(a.doc)[0].id;
    const room = (await remit.server.registry.loadedRoom(boardId))!;
    // One log row per keystroke: each waits for the previous one to be durable (group commit would merge them).
    for (let i = 0; i < 12; i++) {
      const before = room.lastDurableUpdateId;
      getRowText(a.doc, rowId, "notes")!.insert(i, String(i % 10));
      await waitFor(() => room.lastDurableUpdateId > before, "durable");
    }
    const expected = readRows(a.doc);
    expect(readRow(room.doc, rowId)?.notes).toBe(readRow(a.doc, rowId)?.notes);
    // Compactions run beside the writes: wait for the one after the tenth row, without forcing a final one.
    let snapshot: { coversSeq: number } | null = null;
    for (let attempt = 0; attempt < 400 && (snapshot?.coversSeq ?? 0) < 10; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      snapshot = await remit.server.prisma.boardSnapshot.findUnique({
        where: { boardId },
        select: { coversSeq: true },
      });
    }
    expect(snapshot).not.toBeNull();
    const remaining = await remit.server.prisma.boardUpdate.findMany({ where: { boardId }, select: { seq: true } });
    expect(remaining.every((row) => row.seq > snapshot!.coversSeq)).toBe(true);
    expect(remaining.length).toBeLessThan(5);

    const stored = await new (await import("../../server/db/prisma-update-store")).PrismaUpdateStore(
      remit.server.prisma,
    ).load(boardId);
    const reloaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
    for (const entry of stored.tail) Y.applyUpdate(reloaded, entry.data);
    await room.flush();
    expect(readRows(reloaded)).toEqual(expected);
  });

  it("COLLAB-8 a frame that is not a protocol message closes that connection with 4400 and changes nothing", async () => {
    const watcher = client(bob);
    await waitForSync(watcher);
    const before = await logRowCount();
    const code = await closeCodeOf((socket) => socket.send(Buffer.from([0x07, 0x01, 0x02])));
    expect(code).toBe(CloseCode.badMessage);
    const truncated = await closeCodeOf((socket) => socket.send(Buffer.from([0x00, 0x02, 0x7f])));
    expect(truncated).toBe(CloseCode.badMessage);
    const text = await closeCodeOf((socket) => socket.send("hello"));
    expect(text).toBe(CloseCode.badMessage);
    expect(await logRowCount()).toBe(before);
    // Everyone else keeps working.
    const rowId = addRow(watcher.doc, { title: "still alive" });
    const other = client();
    await waitForSync(other);
    await waitFor(() => readRow(other.doc, rowId) !== null, "other client to keep working");
  });

  it("COLLAB-8 a Yjs update that does not decode or writes outside the board schema is rejected with 4422", async () => {
    const watcher = client(bob);
    await waitForSync(watcher);
    const before = await logRowCount();
    const garbage = await closeCodeOf((socket) =>
      socket.send(encodeUpdate(new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x09]))),
    );
    expect(garbage).toBe(CloseCode.updateRejected);

    const foreign = new Y.Doc();
    foreign.getMap("evil").set("x", 1);
    const foreignCode = await closeCodeOf((socket) => socket.send(encodeUpdate(Y.encodeStateAsUpdate(foreign))));
    expect(foreignCode).toBe(CloseCode.updateRejected);

    const room = (await remit.server.registry.loadedRoom(boardId))!;
    expect(room.doc.share.has("evil")).toBe(false);
    expect(await logRowCount()).toBe(before);
    expect(readRows(watcher.doc)).toHaveLength(15);
  });

  it("COLLAB-9 frames over the size limit are refused while another client keeps working", async () => {
    const watcher = client(bob);
    await waitForSync(watcher);
    const before = await logRowCount();
    const big = new Y.Doc();
    big.getMap("rows").set("x", "y".repeat(100 * 1024));
    const code = await closeCodeOf((socket) => socket.send(encodeUpdate(Y.encodeStateAsUpdate(big))));
    expect(code).toBe(CloseCode.messageTooBig);
    expect(await logRowCount()).toBe(before);
    const rowId = addRow(watcher.doc, { title: "after the big one" });
    const other = client();
    await waitForSync(other);
    await waitFor(() => readRow(other.doc, rowId) !== null, "others unaffected");
  });

  it("COLLAB-9 an oversized sync frame is closed with 1009 (the close frame reaches the client)", async () => {
    const raw = await openRawWebSocket(remit.server.port, `/collab/${boardId}`, { Cookie: alice });
    expect(raw.handshakeResponse).toContain("101");
    const big = new Y.Doc();
    big.getMap("rows").set("x", "y".repeat(100 * 1024));
    raw.socket.write(clientFrame(0x82, Buffer.from(encodeUpdate(Y.encodeStateAsUpdate(big)))));
    await raw.closed;
    expect(serverCloseCode(raw.received())).toBe(CloseCode.messageTooBig);
  });

  describe("COLLAB-15 an upgrade whose request target is not a URL or not UTF-8 is answered 400 and closed", () => {
    for (const target of ["/collab/%E0%A4%A", "//[", "/collab/%", "/collab/" + "%FF".repeat(10)]) {
      it(target, async () => {
        const raw = await openRawWebSocket(remit.server.port, target, { Cookie: alice });
        expect(raw.handshakeResponse).toMatch(/^HTTP\/1.1 400/);
        await raw.closed;
        const a = client();
        await waitForSync(a);
        expect(readRows(a.doc)).toHaveLength(15);
      });
    }
  });

  describe("COLLAB-10 frames that break the WebSocket protocol close only that socket", () => {
    const cases: [string, Buffer][] = [
      ["reserved opcode", clientFrame(0x83, Buffer.from([1, 2, 3]))],
      ["RSV1 bit without an extension", clientFrame(0xc2, Buffer.from([0, 0, 1, 0]))],
      ["invalid close code", clientFrame(0x88, Buffer.from([0x03, 0xe7]))],
      ["absurd length field", clientFrame(0x82, Buffer.from([0]), 2n ** 62n)],
      ["unmasked frame", Buffer.from([0x82, 0x01, 0x00])],
    ];
    for (const [name, frame] of cases) {
      it(name, async () => {
        const watcher = client(bob);
        await waitForSync(watcher);
        const raw = await openRawWebSocket(remit.server.port, `/collab/${boardId}`, { Cookie: alice });
        expect(raw.handshakeResponse).toContain("101");
        raw.socket.write(frame);
        await raw.closed;
        expect([1002, 1009, 1006, null]).toContain(serverCloseCode(raw.received()));
        const rowId = addRow(watcher.doc, { title: `survived ${name}` });
        const other = client();
        await waitForSync(other);
        await waitFor(() => readRow(other.doc, rowId) !== null, "server to keep serving");
      });
    }
  });

  it("COLLAB-11 presence shows the server's identity, not what the client claims", async () => {
    const a = client(alice);
    const b = client(bob);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.provider.awareness.setLocalState({
      user: { id: "x", name: "The Chair", delegation: "NATO IS", color: "#000000" },
      focus: null,
    });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), "presence to arrive");
    await waitFor(
      () => (b.provider.awareness.getStates().get(a.doc.clientID)?.user as { name?: string })?.name === "Alice",
      "stamped name",
    );
    const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string; delegation: string } };
    expect(seen.user).toMatchObject({ name: "Alice", delegation: "Germany", id: aliceAccount.user.id });
  });

  it("COLLAB-13 a socket without a session is closed with 4401 and an unknown board with 4403 (no existence leak)", async () => {
    const noCookie = await closeCodeOf(() => undefined, "");
    expect(noCookie).toBe(CloseCode.unauthenticated);
    const unknown = await new Promise<number>((resolve) => {
      const socket = openCollabSocket(remit.server.url, "AAAAAAAAAAAAAAAAAAAAAA", alice);
      socket.on("close", (closeCode) => resolve(closeCode));
    });
    expect(unknown).toBe(CloseCode.forbidden);
  });

  it("COLLAB-13 an upgrade from a foreign Origin is refused before a socket exists", async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = openCollabSocket(remit.server.url, boardId, alice, { Origin: "https://evil.example" });
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    });
    expect(status).toBe(403);
  });
});
