/**
 * Once per `vitest run`: an SQLite file and a PostgreSQL database with every migration applied. Test servers
 * start from a copy of them (test-server.ts) instead of running the prisma CLI themselves: every test file
 * runs in a fresh process, so a per-process template still cost one CLI run (a Node process and the WASM
 * schema engine, seconds) per file. Outside vitest (benchmarks) the variables are unset and each database
 * is migrated as before.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "../../server/db/migrate";
import { createPostgresDatabase } from "./postgres-database";

export const SQLITE_TEMPLATE_ENV = "REMIT_TEST_SQLITE_TEMPLATE";
export const POSTGRES_TEMPLATE_ENV = "REMIT_TEST_POSTGRES_TEMPLATE";

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "remit-template-"));
  const file = join(dir, "remit.db");
  const postgres = migratedPostgres();
  await migrateDatabase(`file:${file}`);
  process.env[SQLITE_TEMPLATE_ENV] = file;
  // No PostgreSQL server here: the PostgreSQL tests fail on their own, the SQLite ones still run.
  const template = await postgres.catch(() => null);
  if (template) process.env[POSTGRES_TEMPLATE_ENV] = new URL(template.url).pathname.slice(1);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await template?.drop();
  };
}

async function migratedPostgres() {
  const database = await createPostgresDatabase("remit_template");
  try {
    await migrateDatabase(database.url);
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}
