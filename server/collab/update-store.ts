/**
 * The only door between the collaboration rooms and storage. Rooms never see
 * Prisma: production uses PrismaUpdateStore (server/db/prisma-update-store.ts),
 * unit tests use MemoryUpdateStore.
 */
export interface StoredBoardState {
  /** Merged state covering every update with id <= snapshotCoversUpdateId, or null. */
  snapshot: Uint8Array | null;
  snapshotCoversUpdateId: number;
  /** Updates logged after the snapshot, oldest first. */
  tail: { id: number; data: Uint8Array }[];
}

export interface UpdateMeta {
  /** Account id of the sender, null for server-made updates. */
  authorId: string | null;
}

export interface UpdateStore {
  /** Throws when the board does not exist or storage fails: never return an empty state on error. */
  load(boardId: string): Promise<StoredBoardState>;
  /** Appends one update; resolves with its log id once it is durable. */
  append(boardId: string, update: Uint8Array, meta: UpdateMeta): Promise<number>;
  /**
   * Atomically stores `merged` as the snapshot covering every update with id <= coversUpdateId
   * and deletes those update rows.
   */
  compact(boardId: string, merged: Uint8Array, coversUpdateId: number): Promise<void>;
}

export class BoardNotFoundError extends Error {
  constructor(boardId: string) {
    super(`board ${boardId} does not exist`);
    this.name = "BoardNotFoundError";
  }
}
