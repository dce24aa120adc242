/**
 * The only door between the collaboration rooms and storage. Rooms never see
 * Prisma: production uses PrismaUpdateStore (server/db/prisma-update-store.ts),
 * unit tests use MemoryUpdateStore.
 */
export interface StoredBoardState {
  /** Merged state covering every update with id <= snapshotCoversUpdateId, or null. */
  snapshot: Uint8Array | null;
  snapshotCoversUpdateId: number;
  /**
   * Updates logged after the snapshot, oldest first. `id` is the board's own sequence number (1, 2, 3…):
   * gap-free and in commit order even with several instances appending, so a reader that saw n has seen
   * every update up to n, and one that sees n+2 after n knows it missed one.
   */
  tail: { id: number; data: Uint8Array }[];
}

export interface UpdateMeta {
  /** Account id of the sender, null for server-made updates. */
  authorId: string | null;
}

export interface UpdateStore {
  /** Throws when the board does not exist or storage fails: never return an empty state on error. */
  load(boardId: string): Promise<StoredBoardState>;
  /** Appends one update; resolves with its sequence number (next of the board) once it is durable. */
  append(boardId: string, update: Uint8Array, meta: UpdateMeta): Promise<number>;
  /**
   * Group commit: appends the updates as consecutive sequence numbers in one short transaction (one
   * multi-row insert); resolves with the first sequence number once all are durable, or rejects with
   * none written.
   */
  appendMany(boardId: string, updates: { update: Uint8Array; meta: UpdateMeta }[]): Promise<number>;
  /**
   * How many group commits of one board may be in flight at once (COLLAB-34; default 1). Concurrent appends
   * to one board must still hand out gap-free sequence numbers; they may commit in any order.
   */
  readonly appendConcurrency?: number;
  /**
   * Settles appends already committed whose answer has not been read yet (COLLAB-47); called as each update is
   * queued, so a long event-loop turn does not hold back commits that finished during it.
   */
  pollCommits?(): void;
  /**
   * What a reader that has every update up to `afterId` lacks: the tail after it, plus the snapshot when a
   * compaction already folded some of the missing updates into it. For catching up after a missed relay.
   */
  readSince(boardId: string, afterId: number): Promise<StoredBoardState>;
  /**
   * Stores `merged` as the snapshot covering every update with id <= coversUpdateId, then deletes those
   * update rows: two steps, no long transaction (a multi-megabyte snapshot must not hold one). Loading
   * ignores rows a snapshot covers, so dying between the steps loses nothing and the next compaction
   * finishes the job. Never moves the snapshot backwards (a compaction that lost a race to a newer one
   * changes nothing), and at most one instance compacts a board at a time.
   */
  compact(boardId: string, merged: Uint8Array, coversUpdateId: number): Promise<void>;
  /** Cheap query that fails when storage is unreachable (readiness). */
  ping(): Promise<void>;
}

export class BoardNotFoundError extends Error {
  constructor(boardId: string) {
    super(`board ${boardId} does not exist`);
    this.name = "BoardNotFoundError";
  }
}
