import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, it } from "vitest";
import { migrateDatabase } from "../../server/db/migrate";
import { createPrismaClient } from "../../server/db/prisma-client";
import { describeStorageContract } from "../support/storage-contract";

/** Admin connection that may CREATE/DROP DATABASE (the CI machine runs PostgreSQL 15 with trust auth). */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

describeStorageContract("PostgreSQL", async () => {
  const database = `remit_test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${database}"`));
  const url = databaseUrl(database);
  await migrateDatabase(url);
  const prisma = createPrismaClient(url);
  return {
    kind: "postgres" as const,
    prisma,
    async close() {
      await prisma.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
});

it("migrateDatabase fails with a clear message when the database is unreachable", async () => {
  const url = databaseUrl(`remit_missing_${randomBytes(6).toString("hex")}`);
  await expect(migrateDatabase(url)).rejects.toThrow(/Database migration \(postgres, .*\) failed/);
});
