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

describe("NUL characters in multipart and JSON bodies (PostgreSQL)", () => {
  const importPost = (fields: Record<string, string | Blob>, csrf = true) => {
    const browser = browserAs(server, delegate);
    const body = new FormData();
    if (csrf) body.set("csrf", browser.csrf);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return browser.postMultipart(`/boards/${boardId}/import.json`, body);
  };
  const instrument = (name: string) => ({ id: "file-1", name, owner: "EU", kind: "treaty", year: 2020, reference: "" });

  it("HARDEN-52 a NUL in a multipart part, inside a JSON field, or in an imported file's text is 422 naming where, and nothing is created", async () => {
    const before = await server.prisma.instrument.count({ where: { boardId } });
    const cases: Array<[Record<string, string | Blob>, string]> = [
      // A raw NUL in a part, and one spelled "\u0000" inside the JSON the part carries (the form check cannot see it).
      [{ intent: "create-instruments", instruments: JSON.stringify([instrument(`Accord${NUL}`)]) }, "instruments"],
      [
        {
          intent: "create-instruments",
          instruments: `[${JSON.stringify(instrument("Accord")).replace("Accord", `Accord${NUL}`)}]`,
        },
        "instruments",
      ],
      [{ intent: `preview${NUL}`, file: new Blob(["Title\nCable cut\n"]) }, "intent"],
      // The file's own text: a CSV title, and a JSON description spelled with the escape.
      [{ intent: "preview", file: new Blob([`Title\nCable${NUL} cut\n`]) }, "file"],
      [
        {
          intent: "preview",
          file: new Blob([
            JSON.stringify({
              format: "remit-matrix",
              formatVersion: 1,
              rows: [{ title: "Cable cut", description: `x${NUL}y` }],
            }),
          ]),
        },
        "file",
      ],
    ];
    for (const [fields, field] of cases) {
      const answer = await importPost(fields);
      const body = (await answer.json()) as { ok: boolean; fieldErrors?: Record<string, string> };
      expect([field, answer.status]).toEqual([field, 422]);
      expect(body.ok).toBe(false);
      expect(body.fieldErrors?.[field]).toMatch(/NUL/);
    }
    expect(await server.prisma.instrument.count({ where: { boardId } })).toBe(before);

    // The same file without the NUL reads; the same instruments without it are created (the route works).
    const clean = await importPost({ intent: "preview", file: new Blob(["Title\nCable cut\n"]) });
    expect(clean.status).toBe(200);
    const created = await importPost({
      intent: "create-instruments",
      instruments: JSON.stringify([instrument("Accord")]),
    });
    expect(created.status).toBe(200);
    expect(await server.prisma.instrument.count({ where: { boardId } })).toBe(before + 1);
  });

  it("HARDEN-52 a form-encoded JSON field spelling NUL as \\u0000 is 422 naming it, not a 500 that stored half", async () => {
    const before = await server.prisma.instrument.count({ where: { boardId } });
    const answer = await browserAs(server, delegate).postForm(`/boards/${boardId}/import.json`, {
      intent: "create-instruments",
      instruments: JSON.stringify([instrument("Good"), { ...instrument(`Bad${NUL}`), id: "file-2" }]),
    });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { fieldErrors?: Record<string, string> }).fieldErrors?.instruments).toMatch(/NUL/);
    expect(await server.prisma.instrument.count({ where: { boardId } })).toBe(before);
  });
});
