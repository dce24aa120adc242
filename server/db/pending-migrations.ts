/**
 * Which committed migrations the database has not applied yet, read straight
 * from Prisma's `_prisma_migrations` table. Starting the prisma CLI costs
 * seconds (a Node process, the WASM schema engine), so start-up only runs
 * `migrate deploy` when this finds something pending, or cannot tell.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, type DatabaseTarget } from "./database-url";

/** Committed migration folder names, in order (prisma/<kind>/migrations/<name>/migration.sql). */
export function committedMigrations(kind: DatabaseTarget["kind"], root = PROJECT_ROOT): string[] {
  const folder = join(root, "prisma", kind, "migrations");
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

const APPLIED_SQL =
  "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

/** The driver of the database in use only (PERF-36): pg is not loaded on SQLite, nor better-sqlite3 on PostgreSQL. */
async function appliedSqlite(filePath: string): Promise<string[]> {
  if (!existsSync(filePath)) return [];
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(filePath, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return [];
    return (db.prepare(APPLIED_SQL).all() as { migration_name: string }[]).map((row) => row.migration_name);
  } finally {
    db.close();
  }
}

async function appliedPostgres(url: string): Promise<string[]> {
  // `schema` is Prisma's parameter, not libpq's: take it off the URL and qualify the table with it.
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT to_regclass($1) AS name", [
      `"${schema.replace(/"/g, '""')}"._prisma_migrations`,
    ]);
    if (!exists.rows[0]?.name) return [];
    await client.query(`SET search_path TO "${schema.replace(/"/g, '""')}"`);
    return (await client.query<{ migration_name: string }>(APPLIED_SQL)).rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

/** Names of committed migrations not applied to the database; throws when the database cannot be read. */
export async function pendingMigrations(target: DatabaseTarget, root = PROJECT_ROOT): Promise<string[]> {
  const applied = new Set(
    target.kind === "sqlite" ? await appliedSqlite(target.filePath!) : await appliedPostgres(target.url),
  );
  return committedMigrations(target.kind, root).filter((name) => !applied.has(name));
}
