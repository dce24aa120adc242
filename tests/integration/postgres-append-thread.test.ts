/**
 * COLLAB-47: PostgreSQL's group commits run on a thread of their own, which reports each answer in shared memory;
 * `pollCommits` settles them from there, so a commit counts as durable within a long event-loop turn instead of
 * after the turn has read every client socket that was ready before PostgreSQL's answer.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBoard } from "../../server/db/boards";
import { migrateDatabase } from "../../server/db/migrate";
import { createPrismaClient, updateLogWriterOf, type PrismaClient } from "../../server/db/prisma-client";
import { createPostgresDatabase } from "../support/postgres-database";

let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createPostgresDatabase();
  await migrateDatabase(database.url);
  prisma = await createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const row = (byte: number) => ({ data: new Uint8Array([byte]), authorId: null });

it("COLLAB-47 a group commit on PostgreSQL is settled by pollCommits while the event loop never reads a socket; a failed one rejects with PostgreSQL's error and writes nothing", async () => {
  const boardId = (await createBoard(prisma, { title: "Board" })).id;
  const writer = updateLogWriterOf(prisma);
  expect(await writer.append(boardId, [row(1)])).toBe(1);
  // Until the thread has its first connection, appends run on the main pool and settle only through the loop;
  // so each attempt below is given a second of spinning, and a later one runs on the thread.
  const settledWithinOneTurn = async (seq: number) => {
    let first: number | null | undefined;
    const appended = writer.append(boardId, [row(seq)]).then((value) => (first = value));
    // Only promise callbacks from here on (no timers, no I/O, no messages): one long event-loop turn.
    const spinUntil = performance.now() + 1000;
    while (first === undefined && performance.now() < spinUntil) {
      writer.pollCommits?.();
      await Promise.resolve();
    }
    const within = first !== undefined;
    expect(await appended).toBe(seq);
    return within;
  };
  let seq = 1;
  let within = false;
  const deadline = performance.now() + 30_000;
  while (!within && performance.now() < deadline) within = await settledWithinOneTurn(++seq);
  expect(within).toBe(true);

  // The thread's failures are PostgreSQL's, and write nothing.
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION block_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'blocked' USING ERRCODE = 'P0001'; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER block_insert BEFORE INSERT ON "BoardUpdate" FOR EACH ROW EXECUTE FUNCTION block_insert()`,
  );
  try {
    await expect(writer.append(boardId, [row(0)])).rejects.toMatchObject({ message: "blocked", code: "P0001" });
  } finally {
    await prisma.$executeRawUnsafe(`DROP TRIGGER block_insert ON "BoardUpdate"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION block_insert()`);
  }
  expect(await writer.append(boardId, [row(0)])).toBe(seq + 1);
  expect(await writer.append("no-such-board", [row(6)])).toBeNull();
});
