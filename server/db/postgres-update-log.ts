import type pg from "pg";
import { tableName, type LogRow, type UpdateLogWriter } from "./update-log-writer";

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
  };
}
