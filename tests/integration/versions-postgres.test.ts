/**
 * Version records on PostgreSQL: concurrent publications still get 1, 2, 3…
 * (a lost race on the unique number is retried) and the database refuses
 * UPDATE and DELETE of a published version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../server/db/migrate";
import { createPrismaClient, type PrismaClient } from "../../server/db/prisma-client";
import { sampleSnapshot } from "../fixtures/sample-snapshot";
import { createPostgresDatabase } from "../support/postgres-database";
import { insertVersion, listVersionRecords, readVersionRecord } from "../../server/versions/version-records";

let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createPostgresDatabase("remit_versions");
  await migrateDatabase(database.url);
  prisma = await createPrismaClient(database.url);
  await prisma.board.create({ data: { id: "board-pg-1", title: "PG board" }, select: { id: true } });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const publish = (title: string, boardId = "board-pg-1") =>
  insertVersion(prisma, {
    boardId,
    publishedById: "user-1",
    publishedAt: new Date("2025-03-05T16:30:00.000Z"),
    yjsState: new Uint8Array([0, 0]),
    snapshotFor: (number) => {
      const snapshot = sampleSnapshot({ rows: 3 });
      return {
        ...snapshot,
        board: { id: boardId, title: "PG board" },
        version: { ...snapshot.version!, number, title },
      };
    },
  });

describe("version records on PostgreSQL", () => {
  it("VERSION-PG-1 concurrent publications get distinct consecutive numbers", async () => {
    // A board of its own, so the numbers start at 1 whether VERSION-PG-2 published first or not.
    const boardId = "board-pg-concurrent";
    await prisma.board.create({ data: { id: boardId, title: "PG board" }, select: { id: true } });
    const results = await Promise.all(["a", "b", "c", "d", "e"].map((title) => publish(title, boardId)));
    expect(results.map((r) => r.number).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await listVersionRecords(prisma, boardId)).map((v) => v.number)).toEqual([5, 4, 3, 2, 1]);
    const first = await readVersionRecord(prisma, boardId, 1);
    expect(first?.intact).toBe(true);
    expect(first?.summary).toMatchObject({ rowCount: 3, procedure: "consensus", publishedByDelegation: "PL" });
  });

  it("VERSION-PG-2 the database refuses to update or delete a published version", async () => {
    // Its own version, so the test stands alone and the refusals are about an existing row.
    const { number } = await publish("Immutable");
    const where = { boardId_number: { boardId: "board-pg-1", number } };
    expect(await readVersionRecord(prisma, "board-pg-1", number)).not.toBeNull();
    await expect(
      prisma.publishedVersion.update({ where, data: { title: "Rewritten" }, select: { id: true } }),
    ).rejects.toThrow();
    await expect(prisma.publishedVersion.delete({ where, select: { id: true } })).rejects.toThrow();
    expect((await readVersionRecord(prisma, "board-pg-1", number))?.summary.title).toBe("Immutable");
  });
});
