import { BoardNotFoundError, type StoredBoardState, type UpdateMeta, type UpdateStore } from "../collab/update-store";
import type { PrismaClient } from "./prisma-client";

/** Prisma's code for a foreign key violation: the board row is gone. */
const FOREIGN_KEY_VIOLATION = "P2003";

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === FOREIGN_KEY_VIOLATION;
}

/** Plain Uint8Array copy: drivers return Buffers, which may be views into a shared pool. */
function toUint8Array(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** Exact-length copy for writing: a subarray view must not leak the rest of its ArrayBuffer. */
function toBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export class PrismaUpdateStore implements UpdateStore {
  constructor(private readonly prisma: PrismaClient) {}

  async load(boardId: string): Promise<StoredBoardState> {
    // Tail first, then snapshot: a compaction between the two reads only removes rows the newer
    // snapshot covers, so filtering the tail by its coversUpdateId never leaves a gap.
    const rows = await this.prisma.boardUpdate.findMany({
      where: { boardId },
      orderBy: { id: "asc" },
      select: { id: true, data: true },
    });
    const board = await this.prisma.board.findUnique({
      where: { id: boardId },
      select: { snapshot: { select: { data: true, coversUpdateId: true } } },
    });
    if (!board) throw new BoardNotFoundError(boardId);
    const covers = board.snapshot?.coversUpdateId ?? 0;
    return {
      snapshot: board.snapshot ? toUint8Array(board.snapshot.data) : null,
      snapshotCoversUpdateId: covers,
      tail: rows.filter((row) => row.id > covers).map((row) => ({ id: row.id, data: toUint8Array(row.data) })),
    };
  }

  /** A foreign key violation means the board row is gone; anything else (or a live board) is rethrown. */
  private async boardGoneOr(boardId: string, error: unknown): Promise<never> {
    if (isForeignKeyViolation(error)) {
      const board = await this.prisma.board.findUnique({ where: { id: boardId }, select: { id: true } });
      if (!board) throw new BoardNotFoundError(boardId);
    }
    throw error;
  }

  async append(boardId: string, update: Uint8Array, meta: UpdateMeta): Promise<number> {
    try {
      const row = await this.prisma.boardUpdate.create({
        data: { boardId, data: toBytes(update), authorId: meta.authorId },
        select: { id: true },
      });
      return row.id;
    } catch (error) {
      return this.boardGoneOr(boardId, error);
    }
  }

  async compact(boardId: string, merged: Uint8Array, coversUpdateId: number): Promise<void> {
    const data = toBytes(merged);
    try {
      await this.prisma.$transaction([
        this.prisma.boardSnapshot.upsert({
          where: { boardId },
          create: { boardId, data, coversUpdateId },
          update: { data, coversUpdateId },
          select: { boardId: true },
        }),
        this.prisma.boardUpdate.deleteMany({ where: { boardId, id: { lte: coversUpdateId } } }),
      ]);
    } catch (error) {
      return this.boardGoneOr(boardId, error);
    }
  }
}
