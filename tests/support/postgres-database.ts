/**
 * A fresh PostgreSQL database for a test file, a server under test or a benchmark run, made and dropped on the
 * admin connection (the CI machine runs PostgreSQL 15 with trust auth; TEST_POSTGRES_URL overrides it).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of `database` on the admin connection's server. */
export function postgresDatabaseUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A database named `<prefix>_<random>`, empty or a copy of `template` (a database nobody is connected to);
 * drop() removes it, closing connections still open.
 */
export async function createPostgresDatabase(
  prefix = "remit_test",
  options: { template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ""}`);
  return { url: postgresDatabaseUrl(name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
