/**
 * Whether a database already has every committed migration, read without taking the migration lock.
 * `prisma migrate deploy` locks a SQLite file for writing, which a running server holds: tools that run
 * beside the server (scripts/reset-password.ts) check with this first and migrate only when something is
 * missing (then the server is outdated anyway and should be restarted first).
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, resolveDatabaseUrl } from "./database-url";
import type { PrismaClient } from "./prisma-client";

function committedMigrations(databaseUrl: string): string[] {
  const folder = join(PROJECT_ROOT, "prisma", resolveDatabaseUrl(databaseUrl).kind, "migrations");
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

export async function missingMigrations(prisma: PrismaClient, databaseUrl: string): Promise<string[]> {
  let applied: { migration_name: string }[];
  try {
    applied = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch {
    // No migrations table: a new database.
    return committedMigrations(databaseUrl);
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return committedMigrations(databaseUrl).filter((name) => !done.has(name));
}
