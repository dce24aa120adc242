/**
 * Creates a new migration for BOTH providers from prisma/schema.base.prisma:
 *   npm run db:migrate:dev -- --name add_comments
 * Each provider diffs against a throwaway database (your data/ and DATABASE_URL are never touched);
 * the server applies the committed migrations at start-up with `migrate deploy`.
 * Env: MIGRATE_DEV_POSTGRES_URL = an admin connection that may CREATE/DROP DATABASE
 * (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { runPrismaCli } from "../server/db/migrate";
import { PROJECT_ROOT, type DatabaseKind } from "../server/db/database-url";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = values.name;
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:dev -- --name snake_case_name");
  process.exit(2);
}

async function prisma(kind: DatabaseKind, args: string[], url: string): Promise<void> {
  const { code } = await runPrismaCli(kind, args, url, { inherit: true });
  if (code !== 0) throw new Error(`prisma ${args.join(" ")} (${kind}) failed with exit code ${code}`);
}

/** Committed migrations first, then the diff. Deploy first also avoids P1014 on a brand-new SQLite file. */
async function createMigration(kind: DatabaseKind, url: string): Promise<void> {
  console.log(`\n== ${kind} ==`);
  await prisma(kind, ["migrate", "deploy"], url);
  // No --create-only: in 6.19.3 it writes the file, then fails with "null pointer passed to rust".
  await prisma(kind, ["migrate", "dev", "--name", name!, "--skip-generate", "--skip-seed"], url);
}

async function withTempSqlite(run: (url: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "remit-migrate-"));
  try {
    await run(`file:${join(dir, "dev.db")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withTempPostgres(run: (url: string) => Promise<void>): Promise<void> {
  const adminUrl = process.env.MIGRATE_DEV_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = `remit_migrate_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

/** node scripts/prisma-generate.mjs [...args]: writes the provider schemas (and generates the clients). */
function prismaGenerate(args: string[]): void {
  const result = spawnSync(process.execPath, ["scripts/prisma-generate.mjs", ...args], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("scripts/prisma-generate.mjs failed");
}

prismaGenerate(["--schemas-only"]);
await withTempSqlite((url) => createMigration("sqlite", url));
await withTempPostgres((url) => createMigration("postgres", url));
prismaGenerate([]);
