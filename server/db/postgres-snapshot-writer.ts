import type pg from "pg";
import type { SnapshotWriter } from "./snapshot-writer";
import { tableName } from "./update-log-writer";

/** PostgreSQL's code for a foreign key violation: the board row is gone. */
const FOREIGN_KEY_VIOLATION = "23503";

/** On the pool Prisma's adapter opens (decision 030); each step is one statement, its own short transaction. */
export function postgresSnapshotWriter(connection: () => Promise<pg.Pool>, schema?: string): SnapshotWriter {
  const snapshots = tableName("BoardSnapshot", schema);
  const log = tableName("BoardUpdate", schema);
  const upsert = {
    name: `remit_write_snapshot_${schema ?? ""}`,
    text:
      `INSERT INTO ${snapshots} ("boardId", "data", "coversSeq", "updatedAt") ` +
      `VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC') ` +
      `ON CONFLICT ("boardId") DO UPDATE SET "data" = EXCLUDED."data", "coversSeq" = EXCLUDED."coversSeq", ` +
      `"updatedAt" = EXCLUDED."updatedAt" WHERE ${snapshots}."coversSeq" < EXCLUDED."coversSeq"`,
  };
  const deleteCovered = {
    name: `remit_delete_covered_${schema ?? ""}`,
    text: `DELETE FROM ${log} WHERE "boardId" = $1 AND "seq" <= $2`,
  };
  return {
    async write(boardId, data, coversSeq) {
      const pool = await connection();
      try {
        // An exact-length Buffer: a subarray view must not send the rest of its ArrayBuffer.
        const result = await pool.query({ ...upsert, values: [boardId, Buffer.from(data), coversSeq] });
        return result.rowCount === 1 ? "stored" : "newer";
      } catch (error) {
        if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return null;
        throw error;
      }
    },
    async deleteCovered(boardId, coversSeq) {
      const pool = await connection();
      await pool.query({ ...deleteCovered, values: [boardId, coversSeq] });
    },
  };
}
