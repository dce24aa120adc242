/**
 * Attack suite, WebSocket side: raw ws and y-protocols clients against the
 * real server. Each case is its own test; every write attempt checks that the
 * document, the database and the other clients saw nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { addRow, readRows } from "../../core/board-doc";
import { CloseCode, MessageType } from "../../core/collab-protocol";
import { SESSION_COOKIE } from "../../core/cookies";
import { hashToken } from "../../server/auth/tokens";
import { encodeSyncStep2, encodeUpdate } from "../../server/collab/frames";
import type { TestAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ per: "test" });
let boardId: string;
let chair: TestAccount;
let delegate: TestAccount;
let observer: TestAccount;
let outsider: TestAccount;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  ({
    chair,
    boardId,
    members: { delegate, observer },
    strangers: { outsider },
  } = await givenBoard(remit.server, {
    title: "Attack board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: { delegate: ["Delegate", "FR", "delegate"], observer: ["Observer", "IE", "observer"] },
    strangers: { outsider: ["Outsider", "US"] },
  }));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.terminate();
});

function client(account: TestAccount): TestClient {
  const created = connectClient(remit.server.url, boardId, { cookie: account.cookie });
  clients.push(created);
  return created;
}

function rawSocket(headers: Record<string, string>, path = `/collab/${boardId}`): WebSocket {
  const socket = new WebSocket(`${remit.server.url.replace("http", "ws")}${path}`, { headers });
  socket.on("error", () => undefined);
  sockets.push(socket);
  return socket;
}

function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.on("close", (code) => resolve(code)));
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => socket.on("open", () => resolve()));
}

function newRowUpdate(title: string): Uint8Array {
  const doc = new Y.Doc();
  addRow(doc, { title });
  return Y.encodeStateAsUpdate(doc);
}

const logCount = () => remit.server.prisma.boardUpdate.count({ where: { boardId } });

describe("attack suite: collaboration socket", () => {
  it("ATTACK-WS-1 a WebSocket without a session cookie is closed with 4401", async () => {
    expect(await closeCode(rawSocket({}))).toBe(CloseCode.unauthenticated);
  });

  it("ATTACK-WS-2 a forged session token is closed with 4401", async () => {
    const forged = rawSocket({ Cookie: `${SESSION_COOKIE}=${"A".repeat(43)}` });
    expect(await closeCode(forged)).toBe(CloseCode.unauthenticated);
    const garbage = rawSocket({ Cookie: `${SESSION_COOKIE}=<script>` });
    expect(await closeCode(garbage)).toBe(CloseCode.unauthenticated);
  });

  it("ATTACK-WS-3 an expired session is closed with 4401", async () => {
    await remit.server.prisma.session.update({
      where: { id: hashToken(delegate.sessionToken) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await closeCode(rawSocket({ Cookie: delegate.cookie }))).toBe(CloseCode.unauthenticated);
  });

  it("ATTACK-WS-4 an upgrade from a foreign Origin is refused with HTTP 403 before a socket exists", async () => {
    const socket = rawSocket({ Cookie: delegate.cookie, Origin: "https://attacker.example" });
    const status = await new Promise<number>((resolve) =>
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });

  it("ATTACK-WS-5 a signed-in user who is not a member is closed with 4403 and receives no board data", async () => {
    const socket = rawSocket({ Cookie: outsider.cookie });
    const frames: Buffer[] = [];
    socket.on("message", (data: Buffer) => frames.push(data));
    expect(await closeCode(socket)).toBe(CloseCode.forbidden);
    expect(frames).toEqual([]);
  });

  it("ATTACK-WS-6 an observer's update and sync step 2 are dropped: document, database and other clients unchanged", async () => {
    const watcher = client(delegate);
    await waitForSync(watcher);
    const before = await logCount();
    const socket = rawSocket({ Cookie: observer.cookie });
    await opened(socket);
    const room = (await remit.server.registry.loadedRoom(boardId))!;
    await waitFor(() => room.connectionCount === 2, "observer joined");
    socket.send(encodeUpdate(newRowUpdate("forged by observer (update)")));
    socket.send(encodeSyncStep2(newRowUpdate("forged by observer (sync step 2)")));
    await waitFor(() => room.rejectedWriteCount === 2, "writes counted");
    // Dropped writes are dropped synchronously; anything stored would be durable once the room has settled.
    await room.settled();
    expect(readRows(room.doc)).toHaveLength(15);
    expect(readRows(watcher.doc)).toHaveLength(15);
    expect(await logCount()).toBe(before);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("ATTACK-WS-7 an observer who keeps sending writes is disconnected with 4405", async () => {
    const socket = rawSocket({ Cookie: observer.cookie });
    await opened(socket);
    const closed = closeCode(socket);
    for (let i = 0; i < 6; i++) socket.send(encodeUpdate(newRowUpdate(`attempt ${i}`)));
    expect(await closed).toBe(CloseCode.readOnly);
  });

  it("ATTACK-WS-8 an awareness state claiming another user is rewritten with the sender's identity", async () => {
    const watcher = client(chair);
    const liar = client(delegate);
    await Promise.all([waitForSync(watcher), waitForSync(liar)]);
    liar.provider.awareness.setLocalState({
      user: { id: chair.user.id, name: "Chair", delegation: "NATO International Staff", color: "#000000" },
      focus: null,
    });
    await waitFor(() => {
      const state = watcher.provider.awareness.getStates().get(liar.doc.clientID) as
        { user?: { id: string } } | undefined;
      return state?.user?.id === delegate.user.id;
    }, "stamped presence");
    const state = watcher.provider.awareness.getStates().get(liar.doc.clientID) as {
      user: { name: string; delegation: string };
    };
    expect(state.user).toMatchObject({ name: "Delegate", delegation: "France" });
  });

  it("ATTACK-WS-9 awareness entries for client ids the connection does not own are dropped", async () => {
    const watcher = client(chair);
    await waitForSync(watcher);
    const victimId = watcher.doc.clientID;
    const socket = rawSocket({ Cookie: delegate.cookie });
    await opened(socket);
    const ownId = 123456;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    for (const [clientId, name] of [
      [ownId, "me"],
      [victimId, "spoofed"],
    ] as const) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, 99);
      encoding.writeVarString(encoder, JSON.stringify({ user: { name }, focus: null }));
    }
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.awareness);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(encoder));
    socket.send(encoding.toUint8Array(frame));
    await waitFor(() => watcher.provider.awareness.getStates().has(ownId), "own entry to arrive");
    expect((watcher.provider.awareness.getStates().get(ownId) as { user: { name: string } }).user.name).toBe(
      "Delegate",
    );
    const victim = watcher.provider.awareness.getStates().get(victimId) as { user?: { name: string } } | undefined;
    expect(victim?.user?.name).not.toBe("spoofed");
  });

  it("ATTACK-WS-10 a removed member's open socket is closed at once with 4403", async () => {
    const socket = rawSocket({ Cookie: delegate.cookie });
    await opened(socket);
    const closed = closeCode(socket);
    await remit.server.access.removeMember(chair.user.id, boardId, delegate.user.id);
    expect(await closed).toBe(CloseCode.forbidden);
    expect(await closeCode(rawSocket({ Cookie: delegate.cookie }))).toBe(CloseCode.forbidden);
  });

  it("ATTACK-WS-11 a delegate demoted to observer can no longer write on the open socket", async () => {
    const demoted = client(delegate);
    const watcher = client(chair);
    await Promise.all([waitForSync(demoted), waitForSync(watcher)]);
    await remit.server.access.changeRole(chair.user.id, boardId, delegate.user.id, "observer");
    const before = await logCount();
    addRow(demoted.doc, { title: "after demotion" });
    const room = (await remit.server.registry.loadedRoom(boardId))!;
    await waitFor(() => room.rejectedWriteCount >= 1, "write dropped");
    expect(readRows(watcher.doc).some((row) => row.title === "after demotion")).toBe(false);
    expect(await logCount()).toBe(before);
  });

  it("ATTACK-WS-12 an observer promoted to delegate writes on the same socket, and is told its new role", async () => {
    const promoted = client(observer);
    const watcher = client(chair);
    await Promise.all([waitForSync(promoted), waitForSync(watcher)]);
    const roles: string[] = [];
    promoted.provider.messageHandlers[MessageType.access] = (_encoder, decoder: decoding.Decoder) => {
      roles.push((JSON.parse(decoding.readVarString(decoder)) as { role: string }).role);
    };
    await remit.server.access.changeRole(chair.user.id, boardId, observer.user.id, "delegate");
    await waitFor(() => roles.includes("delegate"), "access message");
    const rowId = addRow(promoted.doc, { title: "after promotion" });
    await waitFor(() => readRows(watcher.doc).some((row) => row.id === rowId), "edit to reach others");
  });

  it("ATTACK-WS-13 sign out everywhere closes the user's open sockets with 4401", async () => {
    const socket = rawSocket({ Cookie: delegate.cookie });
    await opened(socket);
    const closed = closeCode(socket);
    await remit.server.auth.signOutEverywhere(delegate.user.id);
    expect(await closed).toBe(CloseCode.unauthenticated);
  });

  it("ATTACK-WS-14 persisted updates and activity carry the sender's account, not anything the client says", async () => {
    const writer = client(delegate);
    await waitForSync(writer);
    addRow(writer.doc, { title: "Attributed row" });
    const room = (await remit.server.registry.loadedRoom(boardId))!;
    await waitFor(() => readRows(room.doc).length === 16, "row on server");
    // Durable but not yet compacted: the log rows still carry their author.
    await room.settled();
    await remit.server.activity.flush();
    const authors = await remit.server.prisma.boardUpdate.findMany({
      where: { boardId, authorId: { not: null } },
      select: { authorId: true },
    });
    expect(authors.length).toBeGreaterThan(0);
    expect(authors.every((row) => row.authorId === delegate.user.id)).toBe(true);
    const activity = await remit.server.access.listActivity(chair.user.id, boardId, { limit: 10 });
    expect(activity[0]).toMatchObject({
      actorName: "Delegate",
      delegationCode: "FR",
      delegationName: "France",
      kind: "row-added",
      rowTitle: "Attributed row",
    });
    const filtered = await remit.server.access.listActivity(chair.user.id, boardId, {
      delegationCode: "DE",
      limit: 10,
    });
    expect(filtered).toEqual([]);
  });
});
