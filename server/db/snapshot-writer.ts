/**
 * Writes a board's snapshot and deletes the update rows it covers, on the driver (COLLAB-49): through Prisma a
 * multi-megabyte snapshot was serialised on the event loop (a 16 MB board held it ~2 s on SQLite and on
 * PostgreSQL, freezing every meeting on the instance). Two separate steps, no transaction across them: loading
 * ignores rows a snapshot covers, so dying in between loses nothing (PrismaUpdateStore.compact).
 *
 * The compaction lease is taken and released here too (PERF-73): through Prisma each was a query's CPU and, on
 * SQLite, a FULL commit (an fsync on the event loop), three per compaction. The rows stay Prisma's
 * `CompactionLease`, with `expiresAt` in the representation Prisma writes and compares on each database.
 */
export interface SnapshotWriter {
  /**
   * Stores `data` as the board's snapshot covering every update up to `coversSeq`, unless the stored one
   * already covers as much or more (never backwards). "stored" or "newer"; null when the board does not exist.
   */
  write(boardId: string, data: Uint8Array, coversSeq: number): Promise<"stored" | "newer" | null>;
  /** Deletes the board's update rows up to `coversSeq`, in steps short enough not to hold anything up. */
  deleteCovered(boardId: string, coversSeq: number): Promise<void>;
  /**
   * Takes the board's compaction lease for `holder` until `expiresAt`, in one statement: when nobody holds it, or
   * its holder's lease expired before `now` (a holder that died). True when taken, false when another holder has
   * it, null when the board does not exist.
   */
  takeLease(boardId: string, holder: string, expiresAt: Date, now: Date): Promise<boolean | null>;
  /** Releases the board's compaction lease if `holder` still holds it (a lease taken over is not ours to drop). */
  releaseLease(boardId: string, holder: string): Promise<void>;
}
