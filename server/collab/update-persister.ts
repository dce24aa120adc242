/**
 * Writes a room's updates to the log in order, retrying while storage is down
 * (nothing typed is dropped), and compacts the log into a snapshot every
 * `compactEvery` updates so loading a board stays fast.
 *
 * Appends and compactions run strictly one after another: on SQLite the
 * adapter has one connection, and a query slipped into another operation's
 * transaction leaves the file locked.
 */
import * as Y from "yjs";
import type { UpdateMeta, UpdateStore } from "./update-store";

interface PendingUpdate {
  update: Uint8Array;
  meta: UpdateMeta;
}

const RETRY_DELAYS_MS = [50, 200, 1000, 5000];

export interface PersisterOptions {
  compactEvery: number;
  log: (message: string, error?: unknown) => void;
  /** Called once an update (or merged batch) is durable, with its sequence number: relayed to other instances. */
  onDurable?: (seq: number, update: Uint8Array) => void;
  /**
   * Highest sequence number up to which the doc holds every update (with several instances, other instances'
   * updates may still be in flight). A snapshot covers no more than that. Defaults to the last own append.
   */
  coveredSeq?: () => number;
}
const MAX_BATCH = 500;

export class UpdatePersister {
  private queue: PendingUpdate[] = [];
  private chain: Promise<void> = Promise.resolve();
  private drainScheduled = false;
  private logLengthSinceSnapshot: number;
  /** Highest update-log id known to be durable. */
  lastDurableId = 0;

  constructor(
    private readonly boardId: string,
    private readonly store: UpdateStore,
    /** The document to snapshot; null while the room is being recovered (never snapshot a broken doc). */
    private readonly currentDoc: () => Y.Doc | null,
    private readonly options: PersisterOptions,
    initialLogLength: number,
  ) {
    this.logLengthSinceSnapshot = initialLogLength;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  noteLoaded(lastId: number): void {
    this.lastDurableId = lastId;
  }

  enqueue(update: Uint8Array, meta: UpdateMeta): void {
    this.queue.push({ update, meta });
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    this.schedule(() => this.drain());
  }

  /** Resolves when everything enqueued so far is durable (no compaction). */
  settled(): Promise<void> {
    return this.schedule(async () => undefined);
  }

  /** Resolves when everything enqueued so far is durable and the log is compacted. */
  flush(): Promise<void> {
    return this.schedule(() => this.compact());
  }

  private schedule(operation: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(operation);
    return this.chain;
  }

  /**
   * Updates that queued up while the previous write was in flight are merged
   * into one log row per run of the same author: one insert instead of one
   * per keystroke, same content (Y.mergeUpdates), authorship kept.
   */
  private takeBatch(): { batch: PendingUpdate; count: number } {
    const first = this.queue[0];
    let count = 1;
    while (count < this.queue.length && count < MAX_BATCH && this.queue[count].meta.authorId === first.meta.authorId)
      count++;
    if (count === 1) return { batch: first, count };
    return {
      batch: { update: Y.mergeUpdates(this.queue.slice(0, count).map((item) => item.update)), meta: first.meta },
      count,
    };
  }

  private async drain(): Promise<void> {
    this.drainScheduled = false;
    while (this.queue.length > 0) {
      const { batch: next, count } = this.takeBatch();
      const id = await this.withRetry(() => this.store.append(this.boardId, next.update, next.meta), "append");
      this.queue.splice(0, count);
      this.lastDurableId = id;
      this.options.onDurable?.(id, next.update);
      this.logLengthSinceSnapshot += count;
      if (this.logLengthSinceSnapshot >= this.options.compactEvery) await this.compact();
    }
  }

  /** Snapshot = the whole current doc; it covers every durable update (their content is in the doc). */
  private async compact(): Promise<void> {
    if (this.logLengthSinceSnapshot === 0) return;
    const doc = this.currentDoc();
    if (!doc) return;
    const covers = this.options.coveredSeq?.() ?? this.lastDurableId;
    const merged = Y.encodeStateAsUpdate(doc);
    try {
      await this.store.compact(this.boardId, merged, covers);
      this.logLengthSinceSnapshot = 0;
    } catch (error) {
      // Compaction is an optimisation: the log is still complete, so try again later.
      this.options.log(`board ${this.boardId}: compaction failed`, error);
    }
  }

  private async withRetry<T>(operation: () => Promise<T>, what: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
        this.options.log(
          `board ${this.boardId}: ${what} failed (attempt ${attempt + 1}), retrying in ${delay} ms`,
          error,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
