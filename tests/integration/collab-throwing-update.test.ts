/**
 * COLLAB-18 with a real hostile frame (tests/support/yjs-throwing-update.ts): a bit-flipped update that
 * decodes but makes Yjs throw mid-integration, sent over a real socket to the real server on SQLite while a
 * healthy editor types and a watcher follows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, readRows } from "../../core/board-doc";
import { CloseCode } from "../../core/collab-protocol";
import { encodeUpdate } from "../../server/collab/frames";
import { PrismaUpdateStore } from "../../server/db/prisma-update-store";
import type { TestAccount } from "../support/accounts";
import { connectClient, openCollabSocket, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";
import { throwingUpdate } from "../support/yjs-throwing-update";

const remit = givenTestServer();
let boardId: string;
let editor: TestAccount;
let chair: TestAccount;
let attacker: TestAccount;
const clients: TestClient[] = [];

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { editor, attacker },
  } = await givenBoard(remit.server, {
    title: "Poison board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: { editor: ["Editor", "DE", "delegate"], attacker: ["Attacker", "FR", "delegate"] },
  }));
});

afterAll(async () => {
  for (const client of clients) client.destroy();
});

const titles = (doc: Y.Doc) => readRows(doc).map((row) => row.title);

async function storedTitles(): Promise<string[]> {
  await (await remit.server.registry.loadedRoom(boardId))?.flush();
  const stored = await new PrismaUpdateStore(remit.server.prisma).load(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const entry of stored.tail) Y.applyUpdate(doc, entry.data);
  return titles(doc);
}

describe("a real Yjs-throwing update", () => {
  it("COLLAB-18 a bit-flipped update that makes Yjs 13.6 throw is refused before integration (4422 decode): the room is never poisoned, other clients keep relaying and storing", async () => {
    const healthy = connectClient(remit.server.url, boardId, { cookie: editor.cookie });
    const watcher = connectClient(remit.server.url, boardId, { cookie: chair.cookie });
    clients.push(healthy, watcher);
    await Promise.all([waitForSync(healthy), waitForSync(watcher)]);
    addRow(healthy.doc, { title: "healthy-before" });
    await waitFor(() => titles(watcher.doc).includes("healthy-before"), "the first edit to reach the watcher");

    // The fixture is real: integrated as is into a copy of this board, the installed Yjs throws.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(watcher.doc));
    expect(() => Y.applyUpdate(copy, throwingUpdate())).toThrow();

    const socket = openCollabSocket(remit.server.url, boardId, attacker.cookie);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => socket.once("message", resolve)); // attached: the server's sync step 1
    socket.send(encodeUpdate(throwingUpdate()));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.updateRejected);
    expect(reason).toBe("decode");
    expect(remit.server.registry.poisonedRooms).toBe(0);

    addRow(healthy.doc, { title: "healthy-after" });
    await waitFor(() => titles(watcher.doc).includes("healthy-after"), "the next edit to reach the watcher");
    const late = connectClient(remit.server.url, boardId, { cookie: chair.cookie });
    clients.push(late);
    await waitForSync(late);
    for (const seen of [titles(watcher.doc), titles(late.doc), await storedTitles()]) {
      expect(seen).toEqual(expect.arrayContaining(["healthy-before", "healthy-after"]));
      expect(seen.some((title) => title.startsWith("flip-"))).toBe(false);
    }
  });
});
