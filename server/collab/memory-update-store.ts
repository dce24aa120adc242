import { BoardNotFoundError, type StoredBoardState, type UpdateMeta, type UpdateStore } from "./update-store";

/** In-memory UpdateStore for unit tests of room logic. */
export class MemoryUpdateStore implements UpdateStore {
  private boards = new Map<
    string,
    { snapshot: Uint8Array | null; covers: number; log: { id: number; data: Uint8Array; meta: UpdateMeta }[] }
  >();
  private nextId = 1;
  /** When set, load() rejects with this error (to test load failures). */
  failLoadWith: Error | null = null;

  createBoard(boardId: string): void {
    this.boards.set(boardId, { snapshot: null, covers: 0, log: [] });
  }

  private board(boardId: string) {
    const board = this.boards.get(boardId);
    if (!board) throw new BoardNotFoundError(boardId);
    return board;
  }

  async load(boardId: string): Promise<StoredBoardState> {
    if (this.failLoadWith) throw this.failLoadWith;
    const board = this.board(boardId);
    return {
      snapshot: board.snapshot,
      snapshotCoversUpdateId: board.covers,
      tail: board.log.map(({ id, data }) => ({ id, data })),
    };
  }

  async append(boardId: string, update: Uint8Array, meta: UpdateMeta): Promise<number> {
    const id = this.nextId++;
    this.board(boardId).log.push({ id, data: update, meta });
    return id;
  }

  async compact(boardId: string, merged: Uint8Array, coversUpdateId: number): Promise<void> {
    const board = this.board(boardId);
    board.snapshot = merged;
    board.covers = coversUpdateId;
    board.log = board.log.filter((entry) => entry.id > coversUpdateId);
  }
}
