/**
 * The whole server on PostgreSQL (the scale-out storage): live editing,
 * persistence across a restart, compaction, and the agreement workflow.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { addRow, getRowText, readRow, readRows } from "../../core/board-doc";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ database: "postgres", env: { COMPACT_EVERY: "10" } });
let chair: TestAccount;
let delegate: TestAccount;
let boardId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  const given = await givenBoard(remit.server, {
    title: "PG board",
    template: "starter",
    chair: ["Chair", "NATO-IS"],
    members: { delegate: ["Delegate", "NO", "delegate"] },
  });
  ({ boardId, chair } = given);
  delegate = given.members.delegate;
});

afterAll(async () => {
  for (const client of clients) client.destroy();
});

it("PG-1 two clients co-edit on PostgreSQL, the log compacts, and a restart keeps everything", async () => {
  const a = connectClient(remit.server.url, boardId, { cookie: chair.cookie });
  const b = connectClient(remit.server.url, boardId, { cookie: delegate.cookie });
  clients.push(a, b);
  await Promise.all([waitForSync(a), waitForSync(b)]);
  const rowId = addRow(a.doc, { title: "Arctic cable" });
  await waitFor(() => readRow(b.doc, rowId)?.title === "Arctic cable", "row to reach b");
  // b types into the row a added: PG-2 agrees (and so locks) the board's first row, and may have run first.
  // One log row per keystroke, so the log passes COMPACT_EVERY: each waits until the one before is durable.
  const room = (await remit.server.registry.loadedRoom(boardId))!;
  for (let i = 0; i < 25; i++) {
    const before = room.lastDurableUpdateId;
    getRowText(b.doc, rowId, "notes")?.insert(0, "n");
    await waitFor(() => room.lastDurableUpdateId > before, "the keystroke to be durable");
  }
  await waitFor(
    () =>
      (readRow(a.doc, rowId)?.notes.length ?? 0) >= 25 &&
      JSON.stringify(readRows(b.doc)) === JSON.stringify(readRows(a.doc)),
    "convergence",
  );
  const expected = readRows(a.doc);
  await (await remit.server.registry.loadedRoom(boardId))!.flush();
  const snapshot = await remit.server.prisma.boardSnapshot.findUnique({
    where: { boardId },
    select: { coversSeq: true },
  });
  expect(snapshot).not.toBeNull();

  for (const client of clients.splice(0)) client.destroy();
  await remit.restart();
  const c = connectClient(remit.server.url, boardId, { cookie: delegate.cookie });
  clients.push(c);
  await waitForSync(c);
  expect(readRows(c.doc)).toEqual(expected);
});

it("PG-2 positions and agreement work on PostgreSQL, and an agreed row is locked", async () => {
  const client = connectClient(remit.server.url, boardId, { cookie: delegate.cookie });
  clients.push(client);
  await waitForSync(client);
  const rowId = readRows(client.doc)[0].id;
  expect(
    await remit.server.consensus.recordPosition(delegate.user.id, boardId, { rowId, position: "support" }),
  ).toEqual({
    ok: true,
  });
  expect(await remit.server.consensus.propose(chair.user.id, boardId, { rowId, procedure: "consensus" })).toEqual({
    ok: true,
  });
  expect(await remit.server.consensus.declareAgreed(chair.user.id, boardId, rowId)).toEqual({ ok: true });
  expect(remit.server.consensus.lockedRows(boardId).has(rowId)).toBe(true);
  const published = await remit.server.versions.publishVersion(chair.user.id, boardId, {
    title: "PG v1",
    scope: "agreed",
  });
  expect(published).toMatchObject({ ok: true, version: { number: 1, rowCount: 1 } });
});
