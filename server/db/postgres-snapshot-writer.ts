import type pg from "pg";
import type { SnapshotWriter } from "./snapshot-writer";
import { tableName } from "./update-log-writer";

/** PostgreSQL's code for a foreign key violation: the board row is gone. */
const FOREIGN_KEY_VIOLATION = "23503";

/** Whether the statement wrote its one row; null when the board row is gone (a foreign key violation). */
async function wroteOneRow(pool: pg.Pool, query: pg.QueryConfig): Promise<boolean | null> {
  try {
    return (await pool.query(query)).rowCount === 1;
  } catch (error) {
    if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
}

/** On the pool Prisma's adapter opens (decision 030); each step is one statement, its own short transaction. */
export function postgresSnapshotWriter(connection: () => Promise<pg.Pool>, schema?: string): SnapshotWriter {
  const snapshots = tableName("BoardSnapshot", schema);
  const log = tableName("BoardUpdate", schema);
  const leases = tableName("CompactionLease", schema);
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
  // expiresAt is a timestamp without time zone holding UTC, as Prisma writes it: the instants go as ISO strings
  // (a Date parameter would be sent in the process's local time), read as UTC.
  const takeLease = {
    name: `remit_take_lease_${schema ?? ""}`,
    text:
      `INSERT INTO ${leases} ("boardId", "holder", "expiresAt") VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC') ` +
      `ON CONFLICT ("boardId") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt" ` +
      `WHERE ${leases}."expiresAt" < ($4::timestamptz AT TIME ZONE 'UTC')`,
  };
  const releaseLease = {
    name: `remit_release_lease_${schema ?? ""}`,
    text: `DELETE FROM ${leases} WHERE "boardId" = $1 AND "holder" = $2`,
  };
  return {
    async write(boardId, data, coversSeq) {
      // An exact-length Buffer: a subarray view must not send the rest of its ArrayBuffer.
      const values = [boardId, Buffer.from(data), coversSeq];
      const stored = await wroteOneRow(await connection(), { ...upsert, values });
      return stored === null ? null : stored ? "stored" : "newer";
    },
    async deleteCovered(boardId, coversSeq) {
      const pool = await connection();
      await pool.query({ ...deleteCovered, values: [boardId, coversSeq] });
    },
    async takeLease(boardId, holder, expiresAt, now) {
      const values = [boardId, holder, expiresAt.toISOString(), now.toISOString()];
      return wroteOneRow(await connection(), { ...takeLease, values });
    },
    async releaseLease(boardId, holder) {
      const pool = await connection();
      await pool.query({ ...releaseLease, values: [boardId, holder] });
    },
  };
}
