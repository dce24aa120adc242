import type Database from "better-sqlite3";
import {
  ActivityRowsGoneError,
  ENTRY_COLUMN_LIST,
  ENTRY_COLUMNS,
  entryValues,
  type ActivityBoardWrites,
  type ActivityEntryWriter,
} from "./activity-entry-writer";
import { outsideTransaction, withDeferredSync, prismaDateTime } from "./sqlite-connection";
import { tableName } from "./update-log-writer";

const FOREIGN_KEY_VIOLATION = "SQLITE_CONSTRAINT_FOREIGNKEY";

type Write = (boards: ActivityBoardWrites[], at: string) => number[][];

/**
 * On Prisma's own connection, like the update log (decision 030), with statements prepared once per connection.
 * The batch commits with `synchronous = NORMAL`: nobody waits on the activity feed's durability (a power cut may
 * lose the last entries, never the board's edits, which the update log syncs itself), so no fsync on the event loop.
 */
export function sqliteActivityWriter(connection: () => Promise<Database.Database>): ActivityEntryWriter {
  let prepared: { db: Database.Database; write: Write } | null = null;
  return {
    async write(boards) {
      const db = await connection();
      // Statements belong to a connection: Prisma opens a new one after $disconnect.
      if (prepared?.db !== db) prepared = { db, write: prepareWrite(db) };
      const { write } = prepared;
      // Not inside an interactive Prisma transaction open on the same connection.
      await outsideTransaction(db);
      // One time for the batch, from this process's clock, as Prisma stamps @default(now()) and @updatedAt.
      const at = prismaDateTime(new Date());
      try {
        return withDeferredSync(db, () => write(boards, at));
      } catch (error) {
        if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION)
          throw new ActivityRowsGoneError("the board is gone", { cause: error });
        throw error;
      }
    },
  };
}

function prepareWrite(db: Database.Database): Write {
  const entries = tableName("ActivityEntry");
  const placeholders = [...ENTRY_COLUMNS, "createdAt", "updatedAt"].map(() => "?").join(", ");
  const insert = db
    .prepare(`INSERT INTO ${entries} (${ENTRY_COLUMN_LIST}) VALUES (${placeholders}) RETURNING "id"`)
    .pluck()
    // Plain numbers, whatever the connection's default (Prisma's adapter turns safe integers on).
    .safeIntegers(false);
  const refresh = db.prepare(`UPDATE ${entries} SET "rowTitle" = ?, "updatedAt" = ? WHERE "id" = ?`);
  const transaction = db.transaction((boards: ActivityBoardWrites[], at: string): number[][] =>
    boards.map(({ creates, refreshes }) => {
      const ids = creates.map((entry) => insert.get(...entryValues(entry), at, at) as number);
      for (const { id, rowTitle } of refreshes) {
        // Thrown inside the transaction: it rolls back, as Prisma's update of a missing row (P2025) did.
        if (refresh.run(rowTitle, at, id).changes === 0)
          throw new ActivityRowsGoneError(`activity entry ${id} is gone`);
      }
      return ids;
    }),
  );
  return transaction.immediate;
}
