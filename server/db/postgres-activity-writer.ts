import type pg from "pg";
import {
  ActivityRowsGoneError,
  ENTRY_COLUMN_LIST,
  ENTRY_COLUMNS,
  entryValues,
  type ActivityEntryWriter,
} from "./activity-entry-writer";
import { tableName } from "./update-log-writer";

/** PostgreSQL's code for a foreign key violation: the board row is gone. */
const FOREIGN_KEY_VIOLATION = "23503";

/**
 * On the pool Prisma's adapter opens (decision 030): the batch is one transaction on one pooled connection, its
 * statements prepared once per connection (named queries). The times are a timestamp without time zone holding
 * UTC, as Prisma writes a DateTime: the instant goes as an ISO string (a Date parameter would be sent in the
 * process's local time), read as UTC.
 */
export function postgresActivityWriter(connection: () => Promise<pg.Pool>, schema?: string): ActivityEntryWriter {
  const entries = tableName("ActivityEntry", schema);
  // The entry's columns as $1…$n, then both times from one ISO string.
  const time = `$${ENTRY_COLUMNS.length + 1}::timestamptz AT TIME ZONE 'UTC'`;
  const placeholders = ENTRY_COLUMNS.map((_, index) => `$${index + 1}`).join(", ");
  const insert = {
    name: `remit_insert_activity_${schema ?? ""}`,
    text: `INSERT INTO ${entries} (${ENTRY_COLUMN_LIST}) VALUES (${placeholders}, ${time}, ${time}) RETURNING "id"`,
  };
  const refresh = {
    name: `remit_refresh_activity_${schema ?? ""}`,
    text: `UPDATE ${entries} SET "rowTitle" = $1, "updatedAt" = $2::timestamptz AT TIME ZONE 'UTC' WHERE "id" = $3`,
  };
  return {
    async write(boards) {
      const client = await (await connection()).connect();
      // One time for the batch, from this process's clock, as Prisma stamps @default(now()) and @updatedAt.
      const at = new Date().toISOString();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const ids: number[][] = [];
        for (const { creates, refreshes } of boards) {
          const created: number[] = [];
          for (const entry of creates) {
            const values = [...entryValues(entry), at];
            const { rows } = await client.query<{ id: number }>({ ...insert, values });
            created.push(rows[0].id);
          }
          for (const { id, rowTitle } of refreshes) {
            const { rowCount } = await client.query({ ...refresh, values: [rowTitle, at, id] });
            if (rowCount === 0) throw new ActivityRowsGoneError(`activity entry ${id} is gone`);
          }
          ids.push(created);
        }
        await client.query("COMMIT");
        return ids;
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool, not handed to the next query.
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION)
          throw new ActivityRowsGoneError("the board is gone", { cause: error });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
