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
/** Several boards' group commits in one transaction: each one's first sequence number (null: board gone). */
type WriteMany = (appends: readonly PendingAppend[]) => (number | null)[];

interface PendingAppend {
  boardId: string;
  rows: LogRow[];
  settle: (outcome: { first: number | null } | { error: unknown }) => void;
}
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
 *
 * One transaction per turn, not per board (PERF-76): the appends of every board made in one turn of the event loop
 * commit together on the next, and share one WAL sync. With 500 boards being typed on, one transaction per board's
 * group commit was ~1,000 commits a second, each with its own pages, pragmas and sync request: SQLite's `run` was
 * the server's second largest cost in the P10 soak. If the shared transaction fails, each board's rows are written
 * on their own, so one board's failure (or its deletion) costs no other board its commit.
 */
export function sqliteUpdateLog(
  connection: () => Promise<Database.Database>,
  syncOf: (db: Database.Database) => WalSync | null = walSyncer,
): UpdateLogWriter {
  let prepared: { db: Database.Database; write: Write; writeMany: WriteMany; sync: WalSync | null } | null = null;
  let preparedRead: { db: Database.Database; read: Read } | null = null;
  let queued: PendingAppend[] = [];

  /** Commits every append queued so far in one transaction, then waits for one WAL sync covering them all. */
  async function commitQueued(): Promise<void> {
    const db = await connection();
    // Statements belong to a connection: Prisma opens a new one after $disconnect.
    if (prepared?.db !== db) {
      prepared?.sync?.close();
      const sync = syncOf(db);
      prepared = { db, ...prepareWrite(db, sync !== null), sync };
    }
    const { write, writeMany, sync } = prepared;
    await outsideTransaction(db);
    const appends = queued;
    queued = [];
    if (appends.length === 0) return;
    let outcomes: ({ first: number | null } | { error: unknown })[];
    try {
      outcomes = writeMany(appends).map((first) => ({ first }));
    } catch {
      outcomes = appends.map(({ boardId, rows }) => {
        try {
          return { first: write(boardId, rows) };
        } catch (error) {
          return { error };
        }
      });
    }
    // Every commit of this transaction was written before the sync starts: one sync covers them all.
    if (sync && outcomes.some((outcome) => "first" in outcome && outcome.first !== null)) await sync.covering();
    outcomes.forEach((outcome, index) => appends[index].settle(outcome));
  }

  return {
    concurrency: APPEND_CONCURRENCY,
    append(boardId: string, rows: LogRow[]): Promise<number | null> {
      return new Promise((resolve, reject) => {
        if (queued.length === 0)
          setImmediate(() => {
            // Settles each append; a failure here (the connection itself) fails the appends still queued.
            void commitQueued().catch((error: unknown) => {
              const failed = queued;
              queued = [];
              for (const append of failed) append.settle({ error });
            });
          });
        queued.push({
          boardId,
          rows,
          settle: (outcome) => ("error" in outcome ? reject(outcome.error) : resolve(outcome.first)),
        });
      });
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

/**
 * One board's group commit (`write`), and several boards' in one transaction (`writeMany`). `deferSync`: commit
 * without fsync (the caller awaits a WAL sync); otherwise the connection's own setting.
 */
function prepareWrite(db: Database.Database, deferSync: boolean): { write: Write; writeMany: WriteMany } {
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
  const writeRows = (boardId: string, rows: LogRow[]): number | null => {
    const last = bump.get(rows.length, boardId) as number | undefined;
    if (last === undefined) return null;
    const first = last - rows.length + 1;
    rows.forEach((row, index) => insert.run(boardId, first + index, row.data, row.authorId));
    return first;
  };
  const one = db.transaction(writeRows);
  const many = db.transaction((appends: readonly PendingAppend[]) =>
    appends.map(({ boardId, rows }) => writeRows(boardId, rows)),
  );
  // Around the group commit only; nothing else runs on the connection in between.
  const deferred = <T>(commit: () => T): T => (deferSync ? withDeferredSync(db, commit) : commit());
  return {
    write: (boardId, rows) => deferred(() => one.immediate(boardId, rows)),
    writeMany: (appends) => deferred(() => many.immediate(appends)),
  };
}
