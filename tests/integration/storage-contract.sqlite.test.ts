import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import Database from "better-sqlite3";
import { migrateDatabase } from "../../server/db/migrate";
import { resolveDatabaseUrl } from "../../server/db/database-url";
import { committedMigrations, pendingMigrations } from "../../server/db/pending-migrations";
import { createPrismaClient } from "../../server/db/prisma-client";
import { PrismaUpdateStore } from "../../server/db/prisma-update-store";
import { createBoard } from "../../server/db/boards";
import { describeStorageContract } from "../support/storage-contract";

async function openSqlite() {
  const dir = mkdtempSync(join(tmpdir(), "remit-sqlite-"));
  // A folder that does not exist yet: migrateDatabase must create it, as it does for data/.
  const url = `file:${join(dir, "nested", "test.db")}`;
  await migrateDatabase(url);
  const prisma = await createPrismaClient(url);
  return {
    kind: "sqlite" as const,
    prisma,
    async close() {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStorageContract("SQLite", openSqlite);

type Run = (this: Database.Statement, ...args: unknown[]) => unknown;

/**
 * Calls `seen` as each statement whose SQL matches `sql` runs, on any connection of this process (Prisma's
 * included): before it with the connection's synchronous level, after it with its result. Returns the undo.
 */
function observeStatements(
  sql: RegExp,
  seen: (event: { source: string; level: number; result?: unknown }) => void,
): () => void {
  const scratch = new Database(":memory:");
  const prototype = Object.getPrototypeOf(scratch.prepare("SELECT 1")) as Record<string, Run>;
  scratch.close();
  const originals = (["run", "all", "get", "iterate"] as const).map((name) => [name, prototype[name]] as const);
  for (const [name, original] of originals) {
    prototype[name] = function (this: Database.Statement, ...args: unknown[]) {
      if (!sql.test(this.source)) return original.apply(this, args);
      const level = Number(this.database.pragma("synchronous", { simple: true }));
      seen({ source: this.source, level });
      const result = original.apply(this, args);
      seen({ source: this.source, level, result });
      return result;
    };
  }
  return () => {
    for (const [name, original] of originals) prototype[name] = original;
  };
}

it("PERF-73 a compaction takes and releases its lease with synchronous NORMAL (no fsync on the event loop), and FULL is back after it", async () => {
  const db = await openSqlite();
  const levels: number[] = [];
  const restore = observeStatements(/CompactionLease/, ({ level, result }) => {
    if (result === undefined) levels.push(level);
  });
  try {
    const boardId = (await createBoard(db.prisma, { title: "Board" })).id;
    const store = new PrismaUpdateStore(db.prisma);
    const seq = await store.append(boardId, new Uint8Array([1]), { authorId: null });
    await store.compact(boardId, new Uint8Array([1]), seq);
    // Taken, then released: one statement each, neither a FULL commit.
    expect(levels).toEqual([1, 1]);
    expect(await db.prisma.compactionLease.count({ where: { boardId } })).toBe(0);
    expect(await db.prisma.boardSnapshot.count({ where: { boardId } })).toBe(1);
    const [row] = await db.prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(Number(row.synchronous)).toBe(2);
  } finally {
    restore();
    await db.close();
  }
});

it("PERF-75 a compaction deletes the rows it covers 64 at most per statement, with a turn of the event loop between statements", async () => {
  const db = await openSqlite();
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  const deletes: { changes: number; turn: number }[] = [];
  const restore = observeStatements(/^DELETE FROM "BoardUpdate"/, ({ result }) => {
    if (result !== undefined) deletes.push({ changes: (result as Database.RunResult).changes, turn: turns });
  });
  try {
    const boardId = (await createBoard(db.prisma, { title: "Board" })).id;
    const other = (await createBoard(db.prisma, { title: "Other" })).id;
    const store = new PrismaUpdateStore(db.prisma);
    // Two boards typed on together: the covered rows lie between the other board's.
    for (let i = 0; i < 50; i++) {
      for (const id of [boardId, other]) {
        await store.appendMany(
          id,
          Array.from({ length: 4 }, (_, n) => ({ update: new Uint8Array([i, n]), meta: { authorId: null } })),
        );
      }
    }
    setImmediate(tick);
    await store.compact(boardId, new Uint8Array([1]), 200);
    expect(deletes.reduce((sum, { changes }) => sum + changes, 0)).toBe(200);
    expect(Math.max(...deletes.map(({ changes }) => changes))).toBeLessThanOrEqual(64);
    // Each statement in a turn of its own.
    for (let n = 1; n < deletes.length; n++) expect(deletes[n].turn).toBeGreaterThan(deletes[n - 1].turn);
    expect(await db.prisma.boardUpdate.count({ where: { boardId } })).toBe(0);
    expect(await db.prisma.boardUpdate.count({ where: { boardId: other } })).toBe(200);
  } finally {
    ticking = false;
    restore();
    await db.close();
  }
});

it("SQLite connections use WAL and a busy timeout", async () => {
  const db = await openSqlite();
  try {
    const [mode] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [busy] = await db.prisma.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
    expect(mode.journal_mode).toBe("wal");
    expect(Number(busy.timeout)).toBe(5000);
  } finally {
    await db.close();
  }
});

it("migrateDatabase is idempotent and starts the prisma CLI only when migrations are pending", async () => {
  const dir = mkdtempSync(join(tmpdir(), "remit-sqlite-"));
  try {
    const url = `file:${join(dir, "test.db")}`;
    await expect(migrateDatabase(url)).resolves.toEqual({ deployed: true });
    const target = resolveDatabaseUrl(url);
    expect(await pendingMigrations(target)).toEqual([]);
    await expect(migrateDatabase(url)).resolves.toEqual({ deployed: false });
    // A migration missing from the table is pending again.
    const db = new Database(target.filePath!);
    const last = committedMigrations("sqlite").at(-1)!;
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(last);
    db.close();
    expect(await pendingMigrations(target)).toEqual([last]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
