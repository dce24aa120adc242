import type Database from "better-sqlite3";
import { outsideTransaction, withDeferredSync, prismaDateTime } from "./sqlite-connection";
import type { SnapshotWriter } from "./snapshot-writer";
import { tableName } from "./update-log-writer";

/**
 * Rows deleted per statement: each statement runs on the event loop (better-sqlite3 is synchronous), with a turn
 * of the loop between them (PERF-75). A board's covered rows lie scattered over about one table page each (every
 * board appends between them), so 2,000 at once was one long statement; 64 keeps each one short.
 */
const DELETE_CHUNK = 64;

interface Prepared {
  db: Database.Database;
  upsert: Database.Statement;
  deleteChunk: Database.Statement;
  takeLease: Database.Statement;
  releaseLease: Database.Statement;
}

const FOREIGN_KEY_VIOLATION = "SQLITE_CONSTRAINT_FOREIGNKEY";

/** Runs the write deferred (no fsync): whether it wrote its one row; null when the board row is gone. */
function wroteOneRow(db: Database.Database, statement: Database.Statement, ...params: unknown[]): boolean | null {
  try {
    return withDeferredSync(db, () => statement.run(...params)).changes === 1;
  } catch (error) {
    if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
}

/**
 * On Prisma's own connection, like the update log (decision 030). The steps run with `synchronous = NORMAL`:
 * nobody waits for a compaction to be durable, and the WAL keeps its steps in order, so a power cut can lose
 * the last steps but never keep a delete without the snapshot before it. The compaction lease too (PERF-73): after
 * a power cut nobody is compacting, so a lost take costs nothing, and a take kept without its release expires.
 */
export function sqliteSnapshotWriter(connection: () => Promise<Database.Database>): SnapshotWriter {
  let prepared: Prepared | null = null;
  const ready = async (): Promise<Prepared> => {
    const db = await connection();
    if (prepared?.db !== db) prepared = prepare(db);
    // Not inside an interactive Prisma transaction open on the same connection.
    await outsideTransaction(db);
    return prepared;
  };
  return {
    async write(boardId, data, coversSeq) {
      const { db, upsert } = await ready();
      const stored = wroteOneRow(db, upsert, boardId, data, coversSeq);
      return stored === null ? null : stored ? "stored" : "newer";
    },
    async deleteCovered(boardId, coversSeq) {
      for (;;) {
        const statements = await ready();
        const { changes } = withDeferredSync(statements.db, () => statements.deleteChunk.run(boardId, coversSeq));
        if (changes < DELETE_CHUNK) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async takeLease(boardId, holder, expiresAt, now) {
      const { db, takeLease } = await ready();
      return wroteOneRow(db, takeLease, boardId, holder, prismaDateTime(expiresAt), prismaDateTime(now));
    },
    async releaseLease(boardId, holder) {
      const statements = await ready();
      withDeferredSync(statements.db, () => statements.releaseLease.run(boardId, holder));
    },
  };
}

function prepare(db: Database.Database): Prepared {
  const snapshots = tableName("BoardSnapshot");
  const log = tableName("BoardUpdate");
  const leases = tableName("CompactionLease");
  return {
    db,
    // updatedAt as Prisma writes a DateTime, so Prisma reads it back alike.
    upsert: db.prepare(
      `INSERT INTO ${snapshots} ("boardId", "data", "coversSeq", "updatedAt") ` +
        `VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')) ` +
        `ON CONFLICT ("boardId") DO UPDATE SET "data" = excluded."data", "coversSeq" = excluded."coversSeq", ` +
        `"updatedAt" = excluded."updatedAt" WHERE ${snapshots}."coversSeq" < excluded."coversSeq"`,
    ),
    deleteChunk: db.prepare(
      `DELETE FROM ${log} WHERE "id" IN ` +
        `(SELECT "id" FROM ${log} WHERE "boardId" = ? AND "seq" <= ? LIMIT ${DELETE_CHUNK})`,
    ),
    // A free lease is inserted, an expired one taken over; a live one is left alone (no change).
    takeLease: db.prepare(
      `INSERT INTO ${leases} ("boardId", "holder", "expiresAt") VALUES (?, ?, ?) ` +
        `ON CONFLICT ("boardId") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt" ` +
        `WHERE ${leases}."expiresAt" < ?`,
    ),
    releaseLease: db.prepare(`DELETE FROM ${leases} WHERE "boardId" = ? AND "holder" = ?`),
  };
}
