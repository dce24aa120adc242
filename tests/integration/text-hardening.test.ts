/**
 * Text that cannot lie (issue 10, section 3), on PostgreSQL where it used to fail: a NUL character is refused
 * at the edge with 422 naming the field, and one that reaches the Yjs document (any client can write a row
 * title over the socket) never turns a comment or position on that row into a 500 that was stored anyway.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addRow, readRow } from "../../core/board-doc";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenAppServer } from "../support/given-server";
import { connectClient, waitFor, waitForSync } from "../support/collab-client";

const remit = givenAppServer({ database: "postgres" });
let chair: TestAccount;
let delegate: TestAccount;
let boardId: string;

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { delegate },
  } = await givenBoard(remit.server, {
    title: "Text board",
    chair: ["Chair", "NATO-IS"],
    members: { delegate: ["Delegate", "FR", "delegate"] },
  }));
});

const NUL = "\u0000";

describe("NUL characters (PostgreSQL)", () => {
  it("HARDEN-19 a NUL in any form field is 422 naming the field, before anything is written", async () => {
    const users = await remit.server.prisma.user.count();
    const signUp = await remit.postAs(null, "/signup", {
      email: "nul@test.remit",
      password: "lantern orchard pebble",
      displayName: `Eve${NUL}`,
      delegationCode: "DE",
    });
    expect(signUp.status).toBe(422);
    expect(await signUp.text()).toContain("displayName");
    expect(await remit.server.prisma.user.count()).toBe(users);

    const rename = await remit.postAs(chair, "/?index", { intent: "rename", boardId, title: `A${NUL}B` });
    expect(rename.status).toBe(422);
    expect(await rename.text()).toContain("title");
    expect((await remit.server.prisma.board.findUniqueOrThrow({ where: { id: boardId } })).title).toBe("Text board");

    const comments = await remit.server.prisma.comment.count();
    const comment = await remit.postAs(delegate, `/boards/${boardId}/consensus`, {
      intent: "comment-create",
      rowId: "any",
      body: `hello${NUL}`,
    });
    expect(comment.status).toBe(422);
    expect(await comment.text()).toContain("body");
    expect(await remit.server.prisma.comment.count()).toBe(comments);
  });

  it("HARDEN-20 a row whose title holds a NUL (written over the socket) still takes comments and positions", async () => {
    const client = connectClient(remit.server.url, boardId, { cookie: delegate.cookie });
    try {
      await waitForSync(client);
      const rowId = addRow(client.doc, { title: `Cable${NUL}cut` });
      const room = (await remit.server.registry.loadedRoom(boardId))!;
      await waitFor(() => readRow(room.doc, rowId) !== null, "row on the server");
      const post = (fields: Record<string, string>) => remit.postAs(delegate, `/boards/${boardId}/consensus`, fields);
      expect((await post({ intent: "comment-create", rowId, body: "Looks right" })).status).toBe(200);
      expect((await post({ intent: "record-position", rowId, position: "support" })).status).toBe(200);
      const activity = await remit.server.prisma.activityEntry.findMany({
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
  const importPost = (fields: Record<string, string | Blob>) =>
    remit.browser(delegate).postParts(`/boards/${boardId}/import.json`, fields);
  const instrument = (name: string) => ({ id: "file-1", name, owner: "EU", kind: "treaty", year: 2020, reference: "" });

  it("HARDEN-52 a NUL in a multipart part, inside a JSON field, or in an imported file's text is 422 naming where, and nothing is created", async () => {
    const before = await remit.server.prisma.instrument.count({ where: { boardId } });
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
    expect(await remit.server.prisma.instrument.count({ where: { boardId } })).toBe(before);

    // The same file without the NUL reads; the same instruments without it are created (the route works).
    const clean = await importPost({ intent: "preview", file: new Blob(["Title\nCable cut\n"]) });
    expect(clean.status).toBe(200);
    const created = await importPost({
      intent: "create-instruments",
      instruments: JSON.stringify([instrument("Accord")]),
    });
    expect(created.status).toBe(200);
    expect(await remit.server.prisma.instrument.count({ where: { boardId } })).toBe(before + 1);
  });

  it("HARDEN-52 a form-encoded JSON field spelling NUL as \\u0000 is 422 naming it, not a 500 that stored half", async () => {
    const before = await remit.server.prisma.instrument.count({ where: { boardId } });
    const answer = await remit.postAs(delegate, `/boards/${boardId}/import.json`, {
      intent: "create-instruments",
      instruments: JSON.stringify([instrument("Good"), { ...instrument(`Bad${NUL}`), id: "file-2" }]),
    });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { fieldErrors?: Record<string, string> }).fieldErrors?.instruments).toMatch(/NUL/);
    expect(await remit.server.prisma.instrument.count({ where: { boardId } })).toBe(before);
  });
});
