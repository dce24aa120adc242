import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import Database from "better-sqlite3";
import { migrateDatabase } from "../../server/db/migrate";
import { resolveDatabaseUrl } from "../../server/db/database-url";
import { committedMigrations, pendingMigrations } from "../../server/db/pending-migrations";
import { createPrismaClient } from "../../server/db/prisma-client";
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
