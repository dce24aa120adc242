import type pg from "pg";
import { PostgresAppendThread } from "./postgres-append-thread";
import { tableName, type LogRow, type StoredLog, type UpdateLogWriter } from "./update-log-writer";

/**
 * One statement per group commit, prepared once per pooled connection (a named query) and reused: the
 * counter bump and the multi-row insert (unnest of two arrays, any row count) are data-modifying CTEs of
 * one statement, so they commit together in one round trip with no BEGIN/COMMIT. The bump holds the board
 * row's lock until that commit, which keeps sequence numbers gap-free and in commit order across instances.
 * `createdAt` is written in UTC, as Prisma writes it.
 *
 * Group commits are pipelined (COLLAB-34): up to APPEND_CONCURRENCY statements of one board run at once on
 * separate pooled connections. They queue on the board row's lock, so each still takes the next sequence
 * numbers after the one before it commits (gap-free); only the order between two in-flight batches is free.
 *
 * The statement runs on a thread of its own (COLLAB-47, postgres-append-thread.ts), on a pool to the same
 * database. On the main thread its answer waits for the event loop to poll the pool's socket, and a loop turn
 * first reads every client socket that was ready before it: on a busy machine one turn took ~2 s, so a commit
 * PostgreSQL had answered in milliseconds counted as durable only after the next turn's ~1,200 updates had been
 * read (P8's queue at 1,721 = both turns). The thread writes the answer into shared memory, and `pollCommits`,
 * called as each update is queued, settles it there. Without a connection string (a pool configured field by
 * field), appends run on the pool itself.
 */
const APPEND_CONCURRENCY = 3;

export function postgresUpdateLog(connection: () => Promise<pg.Pool>, schema?: string): UpdateLogWriter {
  const board = tableName("Board", schema);
  const log = tableName("BoardUpdate", schema);
  const text = `
    WITH bumped AS (
      UPDATE ${board} SET "updateSeq" = "updateSeq" + $2 WHERE "id" = $1 RETURNING "updateSeq"
    ), inserted AS (
      INSERT INTO ${log} ("boardId", "seq", "data", "authorId", "createdAt")
      SELECT $1, bumped."updateSeq" - $2 + rows.n, rows.data, rows.author, now() AT TIME ZONE 'UTC'
      FROM bumped, unnest($3::bytea[], $4::text[]) WITH ORDINALITY AS rows(data, author, n)
    )
    SELECT "updateSeq" - $2 + 1 AS "first" FROM bumped`;
  const name = `remit_append_updates_${schema ?? ""}`;
  const snapshots = tableName("BoardSnapshot", schema);
  const reads = {
    tail: {
      name: `remit_read_tail_${schema ?? ""}`,
      text: `SELECT "seq", "data" FROM ${log} WHERE "boardId" = $1 AND "seq" > $2 ORDER BY "seq"`,
    },
    // The snapshot's bytes only when it covers something the reader lacks.
    snapshot: {
      name: `remit_read_snapshot_${schema ?? ""}`,
      text:
        `SELECT s."coversSeq", CASE WHEN s."coversSeq" > $2 THEN s."data" END AS "data" ` +
        `FROM ${board} AS b LEFT JOIN ${snapshots} AS s ON s."boardId" = b."id" WHERE b."id" = $1`,
    },
  };
  let thread: { pool: pg.Pool; appends: PostgresAppendThread | null } | null = null;
  /** The append thread for the adapter's current pool, started (a new pool after a reconnect gets a new thread). */
  const threadFor = (pool: pg.Pool) => {
    if (thread?.pool !== pool) {
      const { connectionString } = pool.options;
      thread = { pool, appends: connectionString ? new PostgresAppendThread(connectionString, { name, text }) : null };
    }
    thread.appends?.start();
    return thread.appends;
  };
  return {
    concurrency: APPEND_CONCURRENCY,
    async append(boardId: string, rows: LogRow[]): Promise<number | null> {
      const values: [string, number, Buffer[], (string | null)[]] = [
        boardId,
        rows.length,
        // Exact-length Buffers: a subarray view must not send the rest of its ArrayBuffer.
        rows.map((row) => Buffer.from(row.data)),
        rows.map((row) => row.authorId),
      ];
      const pool = await connection();
      const appends = threadFor(pool);
      if (appends?.ready) return appends.append(values);
      const result = await pool.query<{ first: number }>({ name, text, values });
      return result.rows.length === 0 ? null : Number(result.rows[0].first);
    },
    pollCommits() {
      thread?.appends?.poll();
    },
    async read(boardId: string, afterSeq: number): Promise<StoredLog | null> {
      const pool = await connection();
      threadFor(pool); // a room loads before it writes: the thread starts meanwhile
      const tail = await pool.query<{ seq: number; data: Buffer }>({ ...reads.tail, values: [boardId, afterSeq] });
      const snapshot = await pool.query<{ coversSeq: number | null; data: Buffer | null }>({
        ...reads.snapshot,
        values: [boardId, afterSeq],
      });
      if (snapshot.rows.length === 0) return null;
      const { coversSeq, data } = snapshot.rows[0];
      return {
        snapshot: data,
        snapshotCoversSeq: coversSeq ?? 0,
        tail: tail.rows.map((row) => ({ seq: Number(row.seq), data: row.data })),
      };
    },
  };
}
