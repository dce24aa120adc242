/**
 * Starts the real Remit server (real HTTP, real WebSocket, real SQLite file)
 * on an ephemeral port for integration tests.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import pg from "pg";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../server/config";
import { startRemitServer, type RemitServer, type RemitServerOptions } from "../../server/remit-server";

export interface TestDatabase {
  url: string;
  dispose(): void;
}

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A fresh PostgreSQL database (dropped by dispose), for running the whole server on PostgreSQL. */
export async function createPostgresTestDatabase(): Promise<TestDatabase & { disposeAsync(): Promise<void> }> {
  const name = `remit_server_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: () => undefined,
    disposeAsync: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function createTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "remit-test-"));
  return { url: `file:${join(dir, "remit.db")}`, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestServer(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: Partial<RemitServerOptions> = {},
): Promise<RemitServer> {
  const config = loadConfig({ DATABASE_URL: database.url, HOST: "127.0.0.1", PORT: "0", DEMO: "false", ...env });
  const errors: string[] = [];
  return startRemitServer({
    config,
    unloadDelayMs: 0,
    log: (message, error) => errors.push(`${message} ${error ?? ""}`),
    ...options,
  });
}
