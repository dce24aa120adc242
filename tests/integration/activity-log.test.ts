/**
 * The activity feed folds typing: text edits by one person on one field within
 * two minutes are one entry, whose time moves forward. Real database.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { ActivityLog } from "../../server/db/activity-log";
import type { RemitServer } from "../../server/remit-server";
import { createAccount, type TestAccount } from "../support/accounts";
import { createTestDatabase, startTestServer, type TestDatabase } from "../support/test-server";

let database: TestDatabase;
let server: RemitServer;
let anna: TestAccount;
let boardId: string;

beforeEach(async () => {
  database = createTestDatabase();
  server = await startTestServer(database);
  anna = await createAccount(server, "Anna", "DE");
  boardId = (await server.access.createBoard(anna.user.id, { title: "Feed", template: "empty" })).id;
});

afterEach(async () => {
  await server.stop();
  database.dispose();
});

it("ACTIVITY-1 typing in one field within two minutes is one entry; another field or a later edit is a new one", async () => {
  let now = Date.parse("2026-11-25T10:00:00Z");
  const log = new ActivityLog(
    server.prisma,
    () => undefined,
    () => now,
  );
  const actor = { userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" };
  const edit = (field: string, title = "Cable") =>
    log.record(boardId, actor, [{ kind: "text-edited", rowId: "r1", rowTitle: title, detail: { field } }]);

  edit("notes");
  now += 30_000;
  edit("notes", "Cable cut");
  now += 30_000;
  edit("description");
  now += 3 * 60_000;
  edit("notes");
  await log.flush();

  const entries = await server.access.listActivity(anna.user.id, boardId, { limit: 10 });
  // Newest first: the late notes edit, the description, then the folded notes entry (title refreshed).
  expect(entries.map((entry) => [entry.kind, entry.detail.field, entry.rowTitle])).toEqual([
    ["text-edited", "notes", "Cable"],
    ["text-edited", "description", "Cable"],
    ["text-edited", "notes", "Cable cut"],
  ]);
});
