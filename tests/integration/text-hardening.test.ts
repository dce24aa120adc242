/**
 * Text that cannot lie (issue 10, section 3), on PostgreSQL where it used to fail: a NUL character is refused
 * at the edge with 422 naming the field, and one that reaches the Yjs document (any client can write a row
 * title over the socket) never turns a comment or position on that row into a 500 that was stored anyway.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRow, readRow } from "../../core/board-doc";
import type { RemitServer } from "../../server/remit-server";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { browserAs, startTestServerWithApp } from "../support/app-server";
import { connectClient, waitFor, waitForSync } from "../support/collab-client";
import { createPostgresTestDatabase } from "../support/test-server";

let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
let server: RemitServer;
let chair: TestAccount;
let delegate: TestAccount;
let boardId: string;

beforeAll(async () => {
  database = await createPostgresTestDatabase();
  ({ server } = await startTestServerWithApp(database));
  chair = await createAccount(server, "Chair", "NATO-IS");
  delegate = await createAccount(server, "Delegate", "FR");
  boardId = (await server.access.createBoard(chair.user.id, { title: "Text board", template: "empty" })).id;
  await addMember(server, chair, boardId, delegate, "delegate");
});

afterAll(async () => {
  await server.stop();
  await database.disposeAsync();
});

const NUL = "\u0000";

describe("NUL characters (PostgreSQL)", () => {
  it("HARDEN-19 a NUL in any form field is 422 naming the field, before anything is written", async () => {
    const users = await server.prisma.user.count();
    const signUp = await browserAs(server, null).postForm("/signup", {
      email: "nul@test.remit",
      password: "lantern orchard pebble",
      displayName: `Eve${NUL}`,
      delegationCode: "DE",
    });
    expect(signUp.status).toBe(422);
    expect(await signUp.text()).toContain("displayName");
    expect(await server.prisma.user.count()).toBe(users);

    const rename = await browserAs(server, chair).postForm("/?index", { intent: "rename", boardId, title: `A${NUL}B` });
    expect(rename.status).toBe(422);
    expect(await rename.text()).toContain("title");
    expect((await server.prisma.board.findUniqueOrThrow({ where: { id: boardId } })).title).toBe("Text board");

    const comments = await server.prisma.comment.count();
    const comment = await browserAs(server, delegate).postForm(`/boards/${boardId}/consensus`, {
      intent: "comment-create",
      rowId: "any",
      body: `hello${NUL}`,
    });
    expect(comment.status).toBe(422);
    expect(await comment.text()).toContain("body");
    expect(await server.prisma.comment.count()).toBe(comments);
  });

  it("HARDEN-20 a row whose title holds a NUL (written over the socket) still takes comments and positions", async () => {
    const client = connectClient(server.url, boardId, { cookie: delegate.cookie });
    try {
      await waitForSync(client);
      const rowId = addRow(client.doc, { title: `Cable${NUL}cut` });
      const room = (await server.registry.loadedRoom(boardId))!;
      await waitFor(() => readRow(room.doc, rowId) !== null, "row on the server");
      const post = (fields: Record<string, string>) =>
        browserAs(server, delegate).postForm(`/boards/${boardId}/consensus`, fields);
      expect((await post({ intent: "comment-create", rowId, body: "Looks right" })).status).toBe(200);
      expect((await post({ intent: "record-position", rowId, position: "support" })).status).toBe(200);
      const activity = await server.prisma.activityEntry.findMany({
        where: { boardId, rowId, kind: { in: ["comment-added", "position-recorded"] } },
        select: { rowTitle: true },
      });
      expect(activity.map((entry) => entry.rowTitle)).toEqual(["Cablecut", "Cablecut"]);
    } finally {
      client.destroy();
    }
  });
});
