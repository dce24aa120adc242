/**
 * The activity feed's batch writes on the driver, off Prisma's per-query machinery (PERF-77, like the update log's
 * appends in decision 030): one batch every 100 ms across boards (PERF-69) cost a compiled query per entry. The rows
 * stay Prisma's `ActivityEntry`: `createdAt` and `updatedAt` are written as Prisma writes a DateTime on each
 * database, so the feed and the exports read them back through Prisma alike.
 */

/** An entry to create, every column but the id and the two times. */
export interface NewActivityEntry {
  boardId: string;
  actorId: string | null;
  actorName: string;
  delegationCode: string | null;
  delegationName: string | null;
  kind: string;
  rowId: string | null;
  rowTitle: string | null;
  detail: string;
}

/** The columns written for a new entry, in the order of `entryValues` (then "createdAt", "updatedAt"). */
export const ENTRY_COLUMNS = [
  "boardId",
  "actorId",
  "actorName",
  "delegationCode",
  "delegationName",
  "kind",
  "rowId",
  "rowTitle",
  "detail",
] as const satisfies readonly (keyof NewActivityEntry)[];

/** The entry's values in the order of ENTRY_COLUMNS. */
export function entryValues(entry: NewActivityEntry): (string | null)[] {
  return ENTRY_COLUMNS.map((column) => entry[column]);
}

/** The column list of an INSERT of a new entry, its two times last. */
export const ENTRY_COLUMN_LIST = [...ENTRY_COLUMNS, "createdAt", "updatedAt"].map((column) => `"${column}"`).join(", ");

/** One board's share of a batch: entries to create, then folded entries whose title (and time) move forward. */
export interface ActivityBoardWrites {
  creates: NewActivityEntry[];
  refreshes: { id: number; rowTitle: string | null }[];
}

export interface ActivityEntryWriter {
  /**
   * Writes the boards' creates and refreshes in one transaction, all or nothing; resolves with each board's
   * created ids, in order. Rejects with ActivityRowsGoneError when a board or a refreshed entry no longer exists.
   */
  write(boards: ActivityBoardWrites[]): Promise<number[][]>;
}

/** A board (foreign key) or a folded entry (an update that changed no row) is gone: retrying cannot help. */
export class ActivityRowsGoneError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ActivityRowsGoneError";
  }
}
