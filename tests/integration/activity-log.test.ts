/**
 * The activity feed folds typing: text edits by one person on one field within
 * two minutes are one entry, whose time moves forward; entries stay small and
 * survive a database that refuses writes for a while. Real database.
 */
import { beforeEach, expect, it } from "vitest";
import { createActivityLog, TITLE_EXCERPT_CHARS } from "../../server/db/activity-log";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

const remit = givenTestServer({ per: "test" });
let anna: TestAccount;
let boardId: string;

beforeEach(async () => {
  ({ chair: anna, boardId } = await givenBoard(remit.server, {
    title: "Feed",
    chair: ["Anna", "DE"],
  }));
});

it("ACTIVITY-1 typing in one field within two minutes is one entry; another field or a later edit is a new one", async () => {
  let now = Date.parse("2026-11-25T10:00:00Z");
  const log = createActivityLog({ prisma: remit.server.prisma, log: () => undefined, now: () => now });
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

  const entries = await remit.server.access.listActivity(anna.user.id, boardId, { limit: 10 });
  // Newest first: the late notes edit, the description, then the folded notes entry (title refreshed).
  expect(entries.map((entry) => [entry.kind, entry.detail.field, entry.rowTitle])).toEqual([
    ["text-edited", "notes", "Cable"],
    ["text-edited", "description", "Cable"],
    ["text-edited", "notes", "Cable cut"],
  ]);
});

it("ACTIVITY-2 a 1.5 MB title moved 100 times adds one small entry, not 100 copies of the title", async () => {
  const huge = "T".repeat(1_500_000);
  const log = createActivityLog({ prisma: remit.server.prisma, log: () => undefined });
  const actor = { userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" };
  for (let i = 0; i < 100; i++) {
    log.record(boardId, actor, [{ kind: "row-moved", rowId: "r1", rowTitle: huge, detail: {} }]);
  }
  log.record(boardId, actor, [{ kind: "text-edited", rowId: "r1", rowTitle: huge, detail: { field: "title" } }]);
  await log.flush();
  const rows = await remit.server.prisma.activityEntry.findMany({ where: { boardId }, select: { rowTitle: true } });
  expect(rows).toHaveLength(2);
  const stored = rows.reduce((total, row) => total + (row.rowTitle?.length ?? 0), 0);
  expect(stored).toBeLessThanOrEqual(2 * TITLE_EXCERPT_CHARS);
  expect(rows[0].rowTitle?.endsWith("…")).toBe(true);
});

it("ACTIVITY-3 entries written while the database refuses writes are retried, not dropped", async () => {
  const logged: string[] = [];
  // The database answers "locked" three times (what SQLite says while another process holds the write lock).
  let failures = 3;
  const prisma = new Proxy(remit.server.prisma, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return (queries: Parameters<typeof target.$transaction>[0]) => {
        if (failures-- > 0) return Promise.reject(new Error("SQLITE_BUSY: database is locked"));
        return target.$transaction(queries);
      };
    },
  });
  const log = createActivityLog({ prisma, log: (message) => logged.push(message) });
  const actor = { userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" };
  log.record(boardId, actor, [
    { kind: "responsibility-changed", rowId: "r1", rowTitle: "Cable", detail: { from: null, to: "NATO" } },
  ]);
  await log.flush();
  expect(logged).toHaveLength(3);
  const entries = await remit.server.access.listActivity(anna.user.id, boardId, { limit: 10 });
  expect(entries.map((entry) => [entry.kind, entry.rowTitle])).toEqual([["responsibility-changed", "Cable"]]);
});

it("PERF-37 changes recorded together are written in one transaction per board, folded as one at a time would", async () => {
  const { prisma, transactions } = countingTransactions();
  let now = Date.parse("2026-11-25T10:00:00Z");
  const log = createActivityLog({ prisma, log: () => undefined, now: () => now });
  const actor = { userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" };
  // Twenty people's first keystrokes, then more typing in row 0: twenty entries, one commit.
  for (let row = 0; row < 20; row++)
    log.record(boardId, actor, [
      { kind: "text-edited", rowId: `r${row}`, rowTitle: `Row ${row}`, detail: { field: "notes" } },
    ]);
  for (let key = 0; key < 5; key++)
    log.record(boardId, actor, [{ kind: "text-edited", rowId: "r0", rowTitle: "Row 0", detail: { field: "notes" } }]);
  await log.flush();
  expect(transactions()).toBe(1);
  // Typing into row 0 again 11 s later refreshes its entry's title (ACTIVITY-1) in the next batch: no new entry.
  now += 11_000;
  log.record(boardId, actor, [{ kind: "text-edited", rowId: "r0", rowTitle: "Row zero", detail: { field: "notes" } }]);
  await log.flush();
  expect(transactions()).toBe(2);
  const entries = await remit.server.access.listActivity(anna.user.id, boardId, { limit: 50 });
  expect(entries).toHaveLength(20);
  // Oldest last: row 0's entry, created first, now carries the refreshed title.
  expect(entries.map((entry) => entry.rowTitle).at(-1)).toBe("Row zero");
  expect(entries.filter((entry) => entry.rowTitle === "Row 0")).toHaveLength(0);
});

it("PERF-69 a batch with changes on several boards is one transaction; a board deleted meanwhile costs only its own entries", async () => {
  const { prisma, transactions } = countingTransactions();
  const logged: string[] = [];
  const log = createActivityLog({ prisma, log: (message) => logged.push(message) });
  const actor = { userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" };
  const boards = [boardId];
  for (const title of ["Second", "Third"])
    boards.push((await givenBoard(remit.server, { title, chair: ["Bruno", "FR"] })).boardId);
  const typeIn = (board: string) =>
    log.record(board, actor, [{ kind: "text-edited", rowId: "r1", rowTitle: "Cable", detail: { field: "notes" } }]);
  boards.forEach(typeIn);
  await log.flush();
  expect(transactions()).toBe(1);
  for (const board of boards)
    expect(await remit.server.prisma.activityEntry.count({ where: { boardId: board } }), board).toBe(1);
  // More typing at once folds into those entries with nothing to refresh yet: no transaction at all.
  boards.forEach(typeIn);
  await log.flush();
  expect(transactions()).toBe(1);

  // The second board is deleted before the next batch is written: the batch's transaction fails as a whole, and
  // the other boards' entries are written board by board.
  await remit.server.prisma.board.delete({ where: { id: boards[1] } });
  const move = (board: string) =>
    log.record(board, actor, [{ kind: "row-moved", rowId: "r2", rowTitle: "Moved", detail: {} }]);
  boards.forEach(move);
  await log.flush();
  for (const board of [boards[0], boards[2]])
    expect(await remit.server.prisma.activityEntry.count({ where: { boardId: board } }), board).toBe(2);
  expect(logged).toEqual([`board ${boards[1]}: activity not recorded`]);
});

/** The test server's Prisma client, counting the batch transactions it runs. */
function countingTransactions() {
  let count = 0;
  const prisma = new Proxy(remit.server.prisma, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return (queries: Parameters<typeof target.$transaction>[0]) => {
        count += 1;
        return target.$transaction(queries);
      };
    },
  });
  return { prisma, transactions: () => count };
}

it("PERF-69 the fold memory stays bounded when batches span boards: stale keys go first, then everything", async () => {
  let now = Date.parse("2026-11-25T10:00:00Z");
  const second = (await givenBoard(remit.server, { title: "Second", chair: ["Bruno", "FR"] })).boardId;
  const log = createActivityLog({ prisma: remit.server.prisma, log: () => undefined, now: () => now, maxFolds: 3 });
  const actor = { userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" };
  const typeIn = (board: string, rowId: string) =>
    log.record(board, actor, [{ kind: "text-edited", rowId, rowTitle: rowId, detail: { field: "notes" } }]);
  const entries = async () =>
    (await remit.server.prisma.activityEntry.count({ where: { boardId: { in: [boardId, second] } } })) as number;

  // Two keys, then (3 minutes later, so those two can no longer fold) two more, over two boards in one batch:
  // four keys past the bound of three; the two stale ones go, the fresh ones still fold.
  typeIn(boardId, "r1");
  typeIn(second, "r2");
  await log.flush();
  now += 3 * 60_000;
  typeIn(boardId, "r3");
  typeIn(second, "r4");
  await log.flush();
  expect(await entries()).toBe(4);
  now += 1_000;
  typeIn(boardId, "r3");
  await log.flush();
  expect(await entries()).toBe(4);

  // Four fresh keys at once: none is stale, so the memory empties and the next keystroke starts a new entry.
  for (const rowId of ["r5", "r6"]) typeIn(boardId, rowId);
  for (const rowId of ["r7", "r8"]) typeIn(second, rowId);
  await log.flush();
  expect(await entries()).toBe(8);
  now += 1_000;
  typeIn(boardId, "r5");
  await log.flush();
  expect(await entries()).toBe(9);
});
