/**
 * The activity feed folds typing: text edits by one person on one field within
 * two minutes are one entry, whose time moves forward; entries stay small and
 * survive a database that refuses writes for a while. Real database.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { ActivityEntryWriter } from "../../server/db/activity-entry-writer";
import { addActivityEntry, createActivityLog, TITLE_EXCERPT_CHARS } from "../../server/db/activity-log";
import { activityWriterOf } from "../../server/db/prisma-client";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";

describe.each(["sqlite", "postgres"] as const)("activity log on %s", (database) => {
  const remit = givenTestServer({ per: "test", database });
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
    const driver = activityWriterOf(remit.server.prisma);
    const writer: ActivityEntryWriter = {
      write: (boards) =>
        failures-- > 0 ? Promise.reject(new Error("SQLITE_BUSY: database is locked")) : driver.write(boards),
    };
    const log = createActivityLog({ prisma: remit.server.prisma, writer, log: (message) => logged.push(message) });
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
    const { writer, transactions } = countingTransactions();
    let now = Date.parse("2026-11-25T10:00:00Z");
    const log = createActivityLog({ prisma: remit.server.prisma, writer, log: () => undefined, now: () => now });
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
    log.record(boardId, actor, [
      { kind: "text-edited", rowId: "r0", rowTitle: "Row zero", detail: { field: "notes" } },
    ]);
    await log.flush();
    expect(transactions()).toBe(2);
    const entries = await remit.server.access.listActivity(anna.user.id, boardId, { limit: 50 });
    expect(entries).toHaveLength(20);
    // Oldest last: row 0's entry, created first, now carries the refreshed title.
    expect(entries.map((entry) => entry.rowTitle).at(-1)).toBe("Row zero");
    expect(entries.filter((entry) => entry.rowTitle === "Row 0")).toHaveLength(0);
  });

  it("PERF-69 a batch with changes on several boards is one transaction; a board deleted meanwhile costs only its own entries", async () => {
    const { writer, transactions } = countingTransactions();
    const logged: string[] = [];
    const log = createActivityLog({ prisma: remit.server.prisma, writer, log: (message) => logged.push(message) });
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

  /** The test server's activity writer, counting the batch transactions it runs. */
  function countingTransactions() {
    let count = 0;
    const driver = activityWriterOf(remit.server.prisma);
    const writer: ActivityEntryWriter = {
      write: (boards) => {
        count += 1;
        return driver.write(boards);
      },
    };
    return { writer, transactions: () => count };
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

  const actorAnna = () => ({ userId: anna.user.id, name: "Anna", delegationCode: "DE", delegationName: "Germany" });
  const typing = (rowId: string, rowTitle: string) => [
    { kind: "text-edited" as const, rowId, rowTitle, detail: { field: "notes" } },
  ];

  it("PERF-77 a batch across boards, new entries and refreshes, is written on the driver without a Prisma query", async () => {
    const client = remit.server.prisma;
    const accessed: string[] = [];
    const prisma = new Proxy(client, {
      get(target, property, receiver) {
        accessed.push(String(property));
        return Reflect.get(target, property, receiver);
      },
    });
    let now = Date.parse("2026-11-25T10:00:00Z");
    const writer = activityWriterOf(client);
    const log = createActivityLog({ prisma, writer, log: () => undefined, now: () => now });
    const second = (await givenBoard(remit.server, { title: "Second", chair: ["Bruno", "FR"] })).boardId;
    for (const board of [boardId, second]) log.record(board, actorAnna(), typing("r1", "Cable"));
    log.record(second, actorAnna(), [{ kind: "row-moved", rowId: "r2", rowTitle: "Moved", detail: {} }]);
    await log.flush();
    // 11 s later: both folded entries are refreshed, found by the ids the driver handed back.
    now += 11_000;
    for (const board of [boardId, second]) log.record(board, actorAnna(), typing("r1", "Cable cut"));
    await log.flush();
    expect(accessed).toEqual([]);
    const rows = await client.activityEntry.findMany({
      where: { boardId: { in: [boardId, second] } },
      orderBy: { id: "asc" },
      select: { boardId: true, kind: true, rowTitle: true },
    });
    expect(rows).toEqual([
      { boardId, kind: "text-edited", rowTitle: "Cable cut" },
      { boardId: second, kind: "text-edited", rowTitle: "Cable cut" },
      { boardId: second, kind: "row-moved", rowTitle: "Moved" },
    ]);
  });

  it("PERF-77 entries written on the driver are Prisma's rows: same fields, createdAt and updatedAt to the millisecond, stored and compared as Prisma's", async () => {
    const prisma = remit.server.prisma;
    let now = Date.parse("2026-11-25T10:00:00Z");
    const log = createActivityLog({ prisma, log: () => undefined, now: () => now });
    const before = Date.now();
    log.record(boardId, actorAnna(), typing("r1", "Cable"));
    await log.flush();
    const after = Date.now();
    // The same entry written through Prisma, for comparison.
    await addActivityEntry(prisma, {
      boardId,
      actorId: anna.user.id,
      actorName: "Anna",
      delegationCode: "DE",
      delegationName: "Germany",
      kind: "text-edited",
      rowId: "r1",
      rowTitle: "Cable",
      detail: JSON.stringify({ field: "notes" }),
    });
    const entries = () => prisma.activityEntry.findMany({ where: { boardId }, orderBy: { id: "asc" } });
    const [driver, viaPrisma] = await entries();
    const { createdAt, updatedAt } = driver;
    const fields = ({ id: _id, createdAt: _created, updatedAt: _updated, ...rest }: typeof driver) => rest;
    expect(fields(driver)).toEqual(fields(viaPrisma));
    expect(updatedAt).toEqual(createdAt);
    expect(createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(createdAt.getTime()).toBeLessThanOrEqual(after);
    expect(await stored(boardId)).toEqual(
      [driver, viaPrisma].map((row) => ({ createdAt: asStored(row.createdAt), updatedAt: asStored(row.updatedAt) })),
    );
    // Prisma compares the driver's times as it compares its own, to the millisecond.
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    const matching = (where: object) => prisma.activityEntry.count({ where: { id: driver.id, ...where } });
    expect(await matching({ createdAt, updatedAt: createdAt })).toBe(1);
    expect(
      await matching({ createdAt: { gt: at(-1), lt: at(1) }, updatedAt: { gte: createdAt, lte: createdAt } }),
    ).toBe(1);
    expect(await matching({ createdAt: { gt: createdAt } })).toBe(0);
    expect(await matching({ updatedAt: { lt: createdAt } })).toBe(0);

    // A refresh moves the title and updatedAt (Prisma's @updatedAt), nothing else.
    await new Promise((resolve) => setTimeout(resolve, 5));
    now += 11_000;
    log.record(boardId, actorAnna(), typing("r1", "Cable cut"));
    const refreshing = Date.now();
    await log.flush();
    const [refreshed] = await entries();
    expect(refreshed).toEqual({ ...driver, rowTitle: "Cable cut", updatedAt: refreshed.updatedAt });
    expect(refreshed.updatedAt.getTime()).toBeGreaterThanOrEqual(refreshing);
    expect((await stored(boardId))[0]).toEqual({
      createdAt: asStored(createdAt),
      updatedAt: asStored(refreshed.updatedAt),
    });
    expect(await prisma.activityEntry.count({ where: { boardId, updatedAt: { gte: refreshed.updatedAt } } })).toBe(1);
  });

  it("PERF-77 a folded entry deleted meanwhile is recognised on the driver: not retried, and later typing starts a new entry", async () => {
    const logged: string[] = [];
    let now = Date.parse("2026-11-25T10:00:00Z");
    const log = createActivityLog({
      prisma: remit.server.prisma,
      log: (message) => logged.push(message),
      now: () => now,
    });
    log.record(boardId, actorAnna(), typing("r1", "Cable"));
    await log.flush();
    await remit.server.prisma.activityEntry.deleteMany({ where: { boardId } });
    now += 11_000;
    log.record(boardId, actorAnna(), typing("r1", "Cable cut"));
    await log.flush();
    expect(logged).toEqual([`board ${boardId}: activity not recorded`]);
    now += 1_000;
    log.record(boardId, actorAnna(), typing("r1", "Cable cut again"));
    await log.flush();
    const rows = await remit.server.prisma.activityEntry.findMany({ where: { boardId }, select: { rowTitle: true } });
    expect(rows).toEqual([{ rowTitle: "Cable cut again" }]);
  });

  /** A DateTime as each database stores it when Prisma writes it: SQLite text with "+00:00", PostgreSQL UTC. */
  function asStored(date: Date): string {
    return database === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date.toISOString().slice(0, 23);
  }

  /** The board's entries' times as stored (SQLite's text; PostgreSQL's timestamp printed to the millisecond). */
  function stored(board: string) {
    const time = (column: string) =>
      database === "sqlite" ? `"${column}" || ''` : `to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS')`;
    return remit.server.prisma.$queryRawUnsafe<{ createdAt: string; updatedAt: string }[]>(
      `SELECT ${time("createdAt")} AS "createdAt", ${time("updatedAt")} AS "updatedAt" FROM "ActivityEntry" ` +
        `WHERE "boardId" = ${database === "sqlite" ? "?" : "$1"} ORDER BY "id"`,
      board,
    );
  }
});
