/**
 * Starts the real Remit server (real HTTP, real WebSocket, real SQLite file)
 * on an ephemeral port for integration tests.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../server/config";
import { resolveDatabaseUrl } from "../../server/db/database-url";
import { migrateDatabase } from "../../server/db/migrate";
import { POSTGRES_TEMPLATE_ENV, SQLITE_TEMPLATE_ENV } from "./global-setup";
import { createPostgresDatabase } from "./postgres-database";
import { startRemitServer, type RemitServer, type RemitServerOptions } from "../../server/remit-server";

export interface TestDatabase {
  url: string;
  dispose(): void;
}

/**
 * A fresh PostgreSQL database (dropped by disposeAsync), for running the whole server on PostgreSQL: under
 * vitest a copy of the run's migrated template (global-setup.ts), so the server has no migration to apply.
 */
export async function createPostgresTestDatabase(): Promise<TestDatabase & { disposeAsync(): Promise<void> }> {
  const database = await createPostgresDatabase("remit_server", { template: process.env[POSTGRES_TEMPLATE_ENV] });
  return { url: database.url, dispose: () => undefined, disposeAsync: database.drop };
}

export function createTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "remit-test-"));
  return { url: `file:${join(dir, "remit.db")}`, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One migrated SQLite database, copied for each fresh one: a server started on the copy finds no pending migration
 * and skips the prisma CLI (a Node process and the WASM schema engine, seconds on a busy machine, at every start).
 * Under vitest it is the run's (global-setup.ts); elsewhere one per process.
 */
let template: Promise<string> | null = null;
function migratedTemplate(): Promise<string> {
  const shared = process.env[SQLITE_TEMPLATE_ENV];
  if (shared) return Promise.resolve(shared);
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "remit-template-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "remit.db");
    await migrateDatabase(`file:${file}`);
    return file;
  })();
  return template;
}

export async function startTestServer(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: Partial<RemitServerOptions> = {},
): Promise<RemitServer> {
  const { filePath } = resolveDatabaseUrl(database.url);
  if (filePath && !existsSync(filePath)) copyFileSync(await migratedTemplate(), filePath);
  const config = loadConfig({ DATABASE_URL: database.url, HOST: "127.0.0.1", PORT: "0", DEMO: "false", ...env });
  const errors: string[] = [];
  return startRemitServer({
    config,
    unloadDelayMs: 0,
    log: (message, error) => errors.push(`${message} ${error ?? ""}`),
    ...options,
  });
}
