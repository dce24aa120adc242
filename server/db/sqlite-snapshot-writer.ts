import type Database from "better-sqlite3";
import { outsideTransaction, withDeferredSync } from "./sqlite-connection";
import type { SnapshotWriter } from "./snapshot-writer";
import { tableName } from "./update-log-writer";

/** Rows deleted per statement: each statement runs on the event loop (better-sqlite3 is synchronous). */
const DELETE_CHUNK = 2000;

interface Prepared {
  db: Database.Database;
  upsert: Database.Statement;
  deleteChunk: Database.Statement;
}

/**
 * On Prisma's own connection, like the update log (decision 030). The steps run with `synchronous = NORMAL`:
 * nobody waits for a compaction to be durable, and the WAL keeps its steps in order, so a power cut can lose
 * the last steps but never keep a delete without the snapshot before it.
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
      const statements = await ready();
      try {
        const { changes } = withDeferredSync(statements.db, () => statements.upsert.run(boardId, data, coversSeq));
        return changes === 1 ? "stored" : "newer";
      } catch (error) {
        if ((error as { code?: unknown }).code === "SQLITE_CONSTRAINT_FOREIGNKEY") return null;
        throw error;
      }
    },
    async deleteCovered(boardId, coversSeq) {
      for (;;) {
        const statements = await ready();
        const { changes } = withDeferredSync(statements.db, () => statements.deleteChunk.run(boardId, coversSeq));
        if (changes < DELETE_CHUNK) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

function prepare(db: Database.Database): Prepared {
  const snapshots = tableName("BoardSnapshot");
  const log = tableName("BoardUpdate");
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
  };
}
