import { randomUUID } from "node:crypto";
import { BoardNotFoundError, type StoredBoardState, type UpdateMeta, type UpdateStore } from "../collab/update-store";
import { snapshotWriterOf, updateLogWriterOf, type PrismaClient } from "./prisma-client";
import type { SnapshotWriter } from "./snapshot-writer";
import type { UpdateLogWriter } from "./update-log-writer";

/** A compaction lease outlives any honest compaction; a holder that died frees the board after this. */
const COMPACTION_LEASE_MS = 60_000;

/** Plain Uint8Array copy: drivers return Buffers, which may be views into a shared pool. */
function toUint8Array(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

export class PrismaUpdateStore implements UpdateStore {
  /** Names this process as a compaction lease holder. */
  private readonly holder = randomUUID();

  private readonly log: UpdateLogWriter;
  private readonly snapshots: SnapshotWriter;

  /** Only where the log settles commits within a turn (PostgreSQL's append thread, COLLAB-47; it tunes COLLAB-48). */
  readonly pollCommits?: () => void;

  constructor(private readonly prisma: PrismaClient) {
    this.log = updateLogWriterOf(prisma);
    const poll = this.log.pollCommits?.bind(this.log);
    if (poll) this.pollCommits = poll;
    this.snapshots = snapshotWriterOf(prisma);
  }

  get appendConcurrency(): number {
    return this.log.concurrency;
  }

  async load(boardId: string): Promise<StoredBoardState> {
    return this.readSince(boardId, -1);
  }

  async readSince(boardId: string, afterId: number): Promise<StoredBoardState> {
    // On the driver, not Prisma (PERF-44): see UpdateLogWriter.read.
    const stored = await this.log.read(boardId, afterId);
    if (!stored) throw new BoardNotFoundError(boardId);
    const covers = stored.snapshotCoversSeq;
    return {
      snapshot: stored.snapshot ? toUint8Array(stored.snapshot) : null,
      snapshotCoversUpdateId: covers,
      tail: stored.tail.filter((row) => row.seq > covers).map((row) => ({ id: row.seq, data: toUint8Array(row.data) })),
    };
  }

  /**
   * The board row's counter hands out the sequence number: its row lock is held until commit, so
   * appends to one board commit in sequence order from any number of instances (no gaps, no reordering).
   */
  async append(boardId: string, update: Uint8Array, meta: UpdateMeta): Promise<number> {
    return this.appendMany(boardId, [{ update, meta }]);
  }

  /** Group commit: one counter bump and the rows in one short write, off Prisma's per-query path (decision 030). */
  async appendMany(boardId: string, updates: { update: Uint8Array; meta: UpdateMeta }[]): Promise<number> {
    const first = await this.log.append(
      boardId,
      updates.map(({ update, meta }) => ({ data: update, authorId: meta.authorId })),
    );
    if (first === null) throw new BoardNotFoundError(boardId);
    return first;
  }

  async ping(): Promise<void> {
    await this.prisma.$queryRawUnsafe("SELECT 1");
  }

  async compact(boardId: string, merged: Uint8Array, coversUpdateId: number): Promise<void> {
    if (!(await this.takeLease(boardId))) return; // another instance is compacting this board right now
    try {
      // On the driver, no transaction (COLLAB-49). Step 1 never moves the snapshot backwards: if a newer one
      // landed meanwhile, it does nothing.
      const written = await this.snapshots.write(boardId, merged, coversUpdateId);
      if (written === null) throw new BoardNotFoundError(boardId);
      // Step 2: the rows it covers (a newer snapshot covers them too). Dying before this is harmless:
      // loading ignores covered rows, and the next compaction deletes them.
      await this.snapshots.deleteCovered(boardId, coversUpdateId);
    } finally {
      await this.snapshots.releaseLease(boardId, this.holder).catch(() => undefined); // an unreleased lease expires on its own
    }
  }

  /**
   * One compaction per board across instances; a lease whose holder died expires. On the driver, one statement
   * (PERF-73): through Prisma it cost up to two queries, and on SQLite a FULL commit each, on the event loop.
   */
  private async takeLease(boardId: string): Promise<boolean> {
    const now = new Date();
    const taken = await this.snapshots.takeLease(
      boardId,
      this.holder,
      new Date(now.getTime() + COMPACTION_LEASE_MS),
      now,
    );
    if (taken === null) throw new BoardNotFoundError(boardId);
    return taken;
  }
}
