import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { migrateDatabase } from "../../server/db/migrate";
import { createPrismaClient } from "../../server/db/prisma-client";
import { createPostgresDatabase, postgresDatabaseUrl } from "../support/postgres-database";
import { describeStorageContract } from "../support/storage-contract";

describeStorageContract("PostgreSQL", async () => {
  const database = await createPostgresDatabase();
  const { url } = database;
  await migrateDatabase(url);
  const prisma = await createPrismaClient(url);
  return {
    kind: "postgres" as const,
    prisma,
    async close() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
});

it("migrateDatabase fails with a clear message when the database is unreachable", async () => {
  const url = postgresDatabaseUrl(`remit_missing_${randomBytes(6).toString("hex")}`);
  await expect(migrateDatabase(url)).rejects.toThrow(/Database migration \(postgres, .*\) failed/);
});
