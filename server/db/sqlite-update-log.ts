import type Database from "better-sqlite3";
import { tableName, type LogRow, type StoredLog, type UpdateLogWriter } from "./update-log-writer";

/** How often to look again while a Prisma transaction holds the shared connection (they are short). */
const BUSY_POLL_MS = 1;

type Write = (boardId: string, rows: LogRow[]) => number | null;
type Read = (boardId: string, afterSeq: number) => StoredLog | null;

/**
 * Writes on Prisma's own better-sqlite3 connection: a second connection would make Prisma's deferred
 * transactions fail (SQLITE_BUSY_SNAPSHOT) whenever an append lands between their read and their write.
 * better-sqlite3 is synchronous, so the whole group commit (BEGIN IMMEDIATE, counter bump, the rows through
 * one reused insert, COMMIT) runs without yielding and nothing else in the process can interleave. The
 * one thing to wait for is an interactive Prisma transaction open across an await on that connection:
 * writing then would put our rows inside it.
 */
export function sqliteUpdateLog(connection: () => Promise<Database.Database>): UpdateLogWriter {
  let prepared: { db: Database.Database; write: Write } | null = null;
  let preparedRead: { db: Database.Database; read: Read } | null = null;
  return {
    // Synchronous: a write holds the event loop until it is committed, so nothing can overlap it.
    concurrency: 1,
    async append(boardId: string, rows: LogRow[]): Promise<number | null> {
      const db = await connection();
      // Statements belong to a connection: Prisma opens a new one after $disconnect.
      if (prepared?.db !== db) prepared = { db, write: prepareWrite(db) };
      while (db.inTransaction) await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
      return prepared.write(boardId, rows);
    },
    async read(boardId: string, afterSeq: number): Promise<StoredLog | null> {
      const db = await connection();
      if (preparedRead?.db !== db) preparedRead = { db, read: prepareRead(db) };
      // Not inside someone else's open transaction: it could still roll back what it wrote.
      while (db.inTransaction) await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
      return preparedRead.read(boardId, afterSeq);
    },
  };
}

/** Synchronous, so nothing in this process writes between the statements; other processes may (tail first). */
function prepareRead(db: Database.Database): Read {
  const tail = db
    .prepare(`SELECT "seq", "data" FROM ${tableName("BoardUpdate")} WHERE "boardId" = ? AND "seq" > ? ORDER BY "seq"`)
    .safeIntegers(false);
  const coverage = db
    .prepare(
      `SELECT "coversSeq" FROM ${tableName("Board")} AS b LEFT JOIN ${tableName("BoardSnapshot")} AS s ` +
        `ON s."boardId" = b."id" WHERE b."id" = ?`,
    )
    .safeIntegers(false);
  const snapshot = db
    .prepare(`SELECT "data", "coversSeq" FROM ${tableName("BoardSnapshot")} WHERE "boardId" = ?`)
    .safeIntegers(false);
  return (boardId, afterSeq) => {
    const rows = tail.all(boardId, afterSeq) as { seq: number; data: Buffer }[];
    const board = coverage.get(boardId) as { coversSeq: number | null } | undefined;
    if (!board) return null;
    const stored =
      board.coversSeq !== null && board.coversSeq > afterSeq
        ? (snapshot.get(boardId) as { data: Buffer; coversSeq: number } | undefined)
        : undefined;
    return {
      snapshot: stored ? stored.data : null,
      snapshotCoversSeq: stored?.coversSeq ?? board.coversSeq ?? 0,
      tail: rows.map((row) => ({ seq: row.seq, data: row.data })),
    };
  };
}

function prepareWrite(db: Database.Database): Write {
  // Plain numbers, whatever the connection's default (Prisma's adapter turns safe integers on).
  const bump = db
    .prepare(`UPDATE ${tableName("Board")} SET "updateSeq" = "updateSeq" + ? WHERE "id" = ? RETURNING "updateSeq"`)
    .pluck()
    .safeIntegers(false);
  // createdAt as Prisma writes a DateTime (ISO 8601 UTC with "+00:00"), so Prisma reads it back alike.
  const insert = db.prepare(
    `INSERT INTO ${tableName("BoardUpdate")} ("boardId", "seq", "data", "authorId", "createdAt") ` +
      `VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))`,
  );
  const transaction = db.transaction((boardId: string, rows: LogRow[]): number | null => {
    const last = bump.get(rows.length, boardId) as number | undefined;
    if (last === undefined) return null;
    const first = last - rows.length + 1;
    rows.forEach((row, index) => insert.run(boardId, first + index, row.data, row.authorId));
    return first;
  });
  return transaction.immediate;
}
