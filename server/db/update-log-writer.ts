/**
 * The hot append path of the update log, off Prisma's per-query machinery (decision 030): every group
 * commit of every room lands here, so it is one driver call with statements prepared once and reused —
 * no query compiler, no generated client, no `prepare` per call. Prisma keeps the schema, the migrations
 * and every other query; this writes only `Board.updateSeq` and `BoardUpdate` rows. It also reads a board's
 * stored state (snapshot and tail) on the same connection (PERF-44): through Prisma, a blob comes back as a
 * JavaScript array of numbers (a 2 MB snapshot as 2 million elements), about a third of a cold open's server CPU.
 */
export interface LogRow {
  data: Uint8Array;
  authorId: string | null;
}

/** A board's stored state as read by `read`: the snapshot only when it covers something after `afterSeq`. */
export interface StoredLog {
  snapshot: Uint8Array | null;
  /** What the board's snapshot covers (0 without one), whether or not its bytes were read. */
  snapshotCoversSeq: number;
  /** Rows after `afterSeq`, oldest first (rows the snapshot covers included: the caller filters them). */
  tail: { seq: number; data: Uint8Array }[];
}

export interface UpdateLogWriter {
  /**
   * Bumps the board's counter by `rows.length` and inserts the rows as the consecutive sequence numbers
   * it hands out, atomically; resolves with the first one once committed, or null when the board does not
   * exist (nothing written). Appends to one board commit in sequence order, from any number of instances.
   */
  append(boardId: string, rows: LogRow[]): Promise<number | null>;
  /**
   * Settles, synchronously, appends already committed whose answer the event loop has not read yet (COLLAB-47):
   * their promises resolve at the next microtask checkpoint. Absent where an append settles by itself.
   */
  pollCommits?(): void;
  /**
   * The rows after `afterSeq`, then the snapshot's coverage and, when it covers more than `afterSeq`, its bytes
   * (tail first: a compaction in between only deletes rows the newer snapshot covers); null when the board does
   * not exist.
   */
  read(boardId: string, afterSeq: number): Promise<StoredLog | null>;
  /** Appends to one board that may be in flight at once (COLLAB-34). */
  readonly concurrency: number;
}

/** Quoted table name, qualified by the PostgreSQL schema of the URL when there is one. */
export function tableName(table: string, schema?: string): string {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return schema ? `${quote(schema)}.${quote(table)}` : quote(table);
}
