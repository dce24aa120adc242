import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveDatabaseUrl } from "../../server/db/database-url";
import { migrateDatabase } from "../../server/db/migrate";
import { createPrismaClient, updateLogWriterOf } from "../../server/db/prisma-client";
import { withDeferredSync } from "../../server/db/sqlite-connection";
import { sqliteUpdateLog } from "../../server/db/sqlite-update-log";
import { walSyncer, type WalSync } from "../../server/db/wal-sync";

let dir: string;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remit-wal-sync-"));
  url = `file:${join(dir, "remit.db")}`;
  await migrateDatabase(url);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function insertBoard(db: Database.Database, id: string): void {
  db.prepare(
    `INSERT INTO "Board" ("id", "title", "updatedAt") VALUES (?, 'Board', '2026-11-29T00:00:00.000+00:00')`,
  ).run(id);
}

/** The connection, calling `begins` as each group commit (a transaction run `.immediate`, BEGIN IMMEDIATE) begins. */
function onEachGroupCommit(db: Database.Database, begins: () => void): Database.Database {
  return new Proxy(db, {
    get(target, key) {
      if (key !== "transaction") {
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (body: (...args: never[]) => unknown) => {
        const transaction = target.transaction(body);
        return {
          immediate: (...args: never[]) => {
            begins();
            return transaction.immediate(...args);
          },
        };
      };
    },
  });
}

/** A WAL sync the test completes by hand: each call to covering() is one sync request, kept in order. */
function syncByHand() {
  const requests: { resolve: () => void; settled: boolean }[] = [];
  const sync: WalSync = {
    covering: () =>
      new Promise<void>((resolve) => {
        const request = { resolve: () => ((request.settled = true), resolve()), settled: false };
        requests.push(request);
      }),
    close: () => undefined,
  };
  return { sync, requests };
}

it("COLLAB-46 SQLite commits FULL on every start, also when the database is already in WAL mode", async () => {
  // The first client switches the file to WAL; the second opens it in WAL mode, where better-sqlite3's build
  // default (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1) would make it NORMAL.
  for (let start = 0; start < 2; start++) {
    const prisma = await createPrismaClient(url);
    try {
      const [row] = await prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
      expect(Number(row.synchronous), `start ${start + 1}`).toBe(2);
      // An update-log append commits NORMAL and syncs the WAL itself; the connection is FULL again after it.
      const boardId = `wal-sync-${start}`;
      await prisma.board.create({ data: { id: boardId, title: "Board" } });
      await updateLogWriterOf(prisma).append(boardId, [{ data: new Uint8Array([1, 2, 3]), authorId: null }]);
      const [after] = await prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
      expect(Number(after.synchronous)).toBe(2);
    } finally {
      await prisma.$disconnect();
    }
  }
});

it("COLLAB-46 an update-log append resolves only once a WAL sync requested after its commit completes", async () => {
  const file = resolveDatabaseUrl(url).filePath!;
  const db = new Database(file);
  try {
    insertBoard(db, "held-by-sync");
    const { sync, requests } = syncByHand();
    const log = sqliteUpdateLog(
      async () => db,
      () => sync,
    );
    const seen: string[] = [];
    const first = log.append("held-by-sync", [{ data: new Uint8Array([1]), authorId: null }]).then((seq) => {
      seen.push(`first ${seq}`);
    });
    await until(() => requests.length === 1);
    // Committed (visible to another connection) before it is synced, not acknowledged before.
    const reader = new Database(file, { readonly: true });
    const count = () =>
      (
        reader.prepare(`SELECT count(*) AS n FROM "BoardUpdate" WHERE "boardId" = ?`).get("held-by-sync") as {
          n: number;
        }
      ).n;
    expect(count()).toBe(1);
    const second = log.append("held-by-sync", [{ data: new Uint8Array([2]), authorId: null }]).then((seq) => {
      seen.push(`second ${seq}`);
    });
    await until(() => requests.length === 2);
    expect(count()).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
    requests[0].resolve();
    await first;
    expect(seen).toEqual(["first 1"]);
    requests[1].resolve();
    await second;
    expect(seen).toEqual(["first 1", "second 2"]);
    reader.close();
  } finally {
    db.close();
  }
});

it("COLLAB-46 commits that land while a WAL sync runs share the next one (group sync)", async () => {
  const db = new Database(resolveDatabaseUrl(url).filePath!);
  try {
    const sync = walSyncer(db)!;
    expect(sync).not.toBeNull();
    const running = sync.covering();
    const next = [sync.covering(), sync.covering(), sync.covering()];
    expect(next[1]).toBe(next[0]);
    expect(next[2]).toBe(next[0]);
    expect(next[0]).not.toBe(running);
    await Promise.all([running, ...next]);
    sync.close();
    // An in-memory database writes no WAL: commits keep the connection's own setting.
    expect(walSyncer(new Database(":memory:"))).toBeNull();
  } finally {
    db.close();
  }
});

it("COLLAB-51 the group commit itself runs with synchronous NORMAL (no fsync on the event loop), and FULL is back after it", async () => {
  const db = new Database(resolveDatabaseUrl(url).filePath!);
  db.pragma("synchronous = FULL");
  try {
    insertBoard(db, "sync-level");
    // The level at the moment each group commit begins, read on the real connection.
    const levels: number[] = [];
    const observed = onEachGroupCommit(db, () => levels.push(db.pragma("synchronous", { simple: true }) as number));
    const { sync, requests } = syncByHand();
    const log = sqliteUpdateLog(
      async () => observed,
      () => sync,
    );
    for (let n = 0; n < 2; n++) {
      const appended = log.append("sync-level", [{ data: new Uint8Array([n]), authorId: null }]);
      await until(() => requests.length === n + 1);
      requests[n].resolve();
      await appended;
    }
    expect(levels).toEqual([1, 1]);
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
  } finally {
    db.close();
  }
});

it("COLLAB-51 withDeferredSync switches the level for the write alone, each time", () => {
  const db = new Database(resolveDatabaseUrl(url).filePath!);
  db.pragma("synchronous = FULL");
  try {
    for (let n = 0; n < 3; n++) {
      expect(withDeferredSync(db, () => db.pragma("synchronous", { simple: true }))).toBe(1);
      expect(db.pragma("synchronous", { simple: true })).toBe(2);
    }
    expect(() =>
      withDeferredSync(db, () => {
        throw new Error("write failed");
      }),
    ).toThrow("write failed");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
  } finally {
    db.close();
  }
});

it("PERF-76 the appends of several boards made in one turn commit in one transaction and share one WAL sync", async () => {
  const db = new Database(resolveDatabaseUrl(url).filePath!);
  try {
    const boards = ["turn-a", "turn-b", "turn-c"];
    for (const board of boards) insertBoard(db, board);
    let transactions = 0;
    const { sync, requests } = syncByHand();
    const log = sqliteUpdateLog(
      async () => onEachGroupCommit(db, () => transactions++),
      () => sync,
    );
    const row = (byte: number) => [{ data: new Uint8Array([byte]), authorId: null }];
    // One turn: three boards, the first twice (its second group commit follows its first in sequence order).
    const appended = [...boards.map((board, n) => log.append(board, row(n))), log.append("turn-a", row(9))];
    await until(() => requests.length === 1);
    expect(transactions).toBe(1);
    requests[0].resolve();
    expect(await Promise.all(appended)).toEqual([1, 1, 1, 2]);
    expect(requests).toHaveLength(1);
    const stored = db.prepare(`SELECT "boardId", "seq" FROM "BoardUpdate" WHERE "boardId" LIKE 'turn-%' ORDER BY 1, 2`);
    expect(stored.all()).toEqual([
      { boardId: "turn-a", seq: 1 },
      { boardId: "turn-a", seq: 2 },
      { boardId: "turn-b", seq: 1 },
      { boardId: "turn-c", seq: 1 },
    ]);
  } finally {
    db.close();
  }
});

it("PERF-76 a board whose rows fail, or that is gone, costs the other boards of its turn nothing", async () => {
  const db = new Database(resolveDatabaseUrl(url).filePath!);
  try {
    for (const board of ["fine-1", "clash", "fine-2"]) insertBoard(db, board);
    // A row already at the clashing board's next sequence number: its insert breaks (boardId, seq) uniqueness.
    db.prepare(`INSERT INTO "BoardUpdate" ("boardId", "seq", "data") VALUES ('clash', 1, x'00')`).run();
    const { sync, requests } = syncByHand();
    const log = sqliteUpdateLog(
      async () => db,
      () => sync,
    );
    const row = [{ data: new Uint8Array([1]), authorId: null }];
    const appended = ["fine-1", "clash", "gone", "fine-2"].map((board) =>
      log.append(board, row).then(
        (first) => ({ first }),
        (error: Error) => ({ error: error.message }),
      ),
    );
    await until(() => requests.length === 1);
    requests[0].resolve();
    expect(await Promise.all(appended)).toEqual([
      { first: 1 },
      { error: expect.stringContaining("UNIQUE") },
      { first: null },
      { first: 1 },
    ]);
  } finally {
    db.close();
  }
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
