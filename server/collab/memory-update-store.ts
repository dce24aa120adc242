import { BoardNotFoundError, type StoredBoardState, type UpdateMeta, type UpdateStore } from "./update-store";

/** In-memory UpdateStore for unit tests of room logic. */
export class MemoryUpdateStore implements UpdateStore {
  private boards = new Map<
    string,
    { snapshot: Uint8Array | null; covers: number; log: { id: number; data: Uint8Array; meta: UpdateMeta }[] }
  >();
  /** When set, load() rejects with this error (to test load failures). */
  failLoadWith: Error | null = null;
  /** When set, appends and compactions reject with this error (storage down). */
  failWritesWith: Error | null = null;

  createBoard(boardId: string): void {
    this.boards.set(boardId, { snapshot: null, covers: 0, log: [] });
  }

  /** Forgets a board (heap checks: the store itself must not be what grows). */
  deleteBoard(boardId: string): void {
    this.boards.delete(boardId);
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
    return this.appendMany(boardId, [{ update, meta }]);
  }

  async appendMany(boardId: string, updates: { update: Uint8Array; meta: UpdateMeta }[]): Promise<number> {
    if (this.failWritesWith) throw this.failWritesWith;
    const board = this.board(boardId);
    const first = (board.log.at(-1)?.id ?? board.covers) + 1;
    updates.forEach(({ update, meta }, index) =>
      board.log.push({ id: first + index, data: new Uint8Array(update), meta }),
    );
    return first;
  }

  async ping(): Promise<void> {
    if (this.failLoadWith) throw this.failLoadWith;
  }

  async readSince(boardId: string, afterId: number): Promise<StoredBoardState> {
    const state = await this.load(boardId);
    const needsSnapshot = state.snapshotCoversUpdateId > afterId;
    return {
      snapshot: needsSnapshot ? state.snapshot : null,
      snapshotCoversUpdateId: state.snapshotCoversUpdateId,
      tail: state.tail.filter((entry) => entry.id > afterId),
    };
  }

  async compact(boardId: string, merged: Uint8Array, coversUpdateId: number): Promise<void> {
    if (this.failWritesWith) throw this.failWritesWith;
    const board = this.board(boardId);
    if (coversUpdateId <= board.covers) return;
    board.snapshot = merged;
    board.covers = coversUpdateId;
    board.log = board.log.filter((entry) => entry.id > coversUpdateId);
  }
}
