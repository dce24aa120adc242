/**
 * The hot append path of the update log, off Prisma's per-query machinery (decision 030): every group
 * commit of every room lands here, so it is one driver call with statements prepared once and reused —
 * no query compiler, no generated client, no `prepare` per call. Prisma keeps the schema, the migrations
 * and every other query; this writes only `Board.updateSeq` and `BoardUpdate` rows.
 */
export interface LogRow {
  data: Uint8Array;
  authorId: string | null;
}

export interface UpdateLogWriter {
  /**
   * Bumps the board's counter by `rows.length` and inserts the rows as the consecutive sequence numbers
   * it hands out, atomically; resolves with the first one once committed, or null when the board does not
   * exist (nothing written). Appends to one board commit in sequence order, from any number of instances.
   */
  append(boardId: string, rows: LogRow[]): Promise<number | null>;
  /** Appends to one board that may be in flight at once (COLLAB-34); 1 when the driver writes synchronously. */
  readonly concurrency: number;
}

/** Quoted table name, qualified by the PostgreSQL schema of the URL when there is one. */
export function tableName(table: string, schema?: string): string {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return schema ? `${quote(schema)}.${quote(table)}` : quote(table);
}
