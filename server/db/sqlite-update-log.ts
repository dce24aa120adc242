import type Database from "better-sqlite3";
import { tableName, type LogRow, type StoredLog, type UpdateLogWriter } from "./update-log-writer";
import { outsideTransaction, withDeferredSync } from "./sqlite-connection";
import { walSyncer, type WalSync } from "./wal-sync";

/**
 * Group commits of one board in flight at once (COLLAB-34): each commits at once (synchronously) and then waits
 * for the WAL sync that covers it, so while one sync runs in the thread pool the next batches commit beside it.
 */
const APPEND_CONCURRENCY = 4;

type Write = (boardId: string, rows: LogRow[]) => number | null;
type Read = (boardId: string, afterSeq: number) => StoredLog | null;

/**
 * Writes on Prisma's own better-sqlite3 connection: a second connection would make Prisma's deferred
 * transactions fail (SQLITE_BUSY_SNAPSHOT) whenever an append lands between their read and their write.
 * better-sqlite3 is synchronous, so the whole group commit (BEGIN IMMEDIATE, counter bump, the rows through
 * one reused insert, COMMIT) runs without yielding and nothing else in the process can interleave. The
 * one thing to wait for is an interactive Prisma transaction open across an await on that connection:
 * writing then would put our rows inside it.
 *
 * Durability off the event loop (COLLAB-46): the group commit runs with `synchronous = NORMAL` (its frames are in
 * the WAL file, which survives a killed process, but not yet fsynced) and the append resolves only once an
 * `fdatasync` of the WAL, run in libuv's thread pool, has covered it. That is what `synchronous = FULL` promises
 * (in WAL mode FULL syncs the WAL at each commit), without an fsync holding the loop that reads everyone's edits.
 * Every other write on the connection stays FULL (prisma-client.ts sets it at connect).
 */
export function sqliteUpdateLog(
  connection: () => Promise<Database.Database>,
  syncOf: (db: Database.Database) => WalSync | null = walSyncer,
): UpdateLogWriter {
  let prepared: { db: Database.Database; write: Write; sync: WalSync | null } | null = null;
  let preparedRead: { db: Database.Database; read: Read } | null = null;
  return {
    concurrency: APPEND_CONCURRENCY,
    async append(boardId: string, rows: LogRow[]): Promise<number | null> {
      const db = await connection();
      // Statements belong to a connection: Prisma opens a new one after $disconnect.
      if (prepared?.db !== db) {
        prepared?.sync?.close();
        const sync = syncOf(db);
        prepared = { db, write: prepareWrite(db, sync !== null), sync };
      }
      const { write, sync } = prepared;
      await outsideTransaction(db);
      const first = write(boardId, rows);
      if (first !== null && sync) await sync.covering();
      return first;
    },
    async read(boardId: string, afterSeq: number): Promise<StoredLog | null> {
      const db = await connection();
      if (preparedRead?.db !== db) preparedRead = { db, read: prepareRead(db) };
      // Not inside someone else's open transaction: it could still roll back what it wrote.
      await outsideTransaction(db);
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

/** `deferSync`: commit without fsync (the caller awaits a WAL sync); otherwise the connection's own setting. */
function prepareWrite(db: Database.Database, deferSync: boolean): Write {
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
  if (!deferSync) return transaction.immediate;
  // Around the group commit only; nothing else runs on the connection in between.
  return (boardId, rows) => withDeferredSync(db, () => transaction.immediate(boardId, rows));
}
