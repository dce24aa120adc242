import type pg from "pg";
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
  return {
    concurrency: APPEND_CONCURRENCY,
    async append(boardId: string, rows: LogRow[]): Promise<number | null> {
      const values = [
        boardId,
        rows.length,
        // Exact-length Buffers: a subarray view must not send the rest of its ArrayBuffer.
        rows.map((row) => Buffer.from(row.data)),
        rows.map((row) => row.authorId),
      ];
      const pool = await connection();
      const result = await pool.query<{ first: number }>({ name, text, values });
      return result.rows.length === 0 ? null : Number(result.rows[0].first);
    },
    async read(boardId: string, afterSeq: number): Promise<StoredLog | null> {
      const pool = await connection();
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
