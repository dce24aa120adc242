/**
 * Writes a room's updates to the log and says when they are durable.
 *
 * Group commit: the first update starts a write at once; everything that
 * arrives while a write is in flight goes into the next one, as ONE short
 * transaction with one multi-row insert (runs of the same author merged into
 * one row). Durability then costs one round trip per batch, not per keystroke.
 * Writes are retried while storage is down (nothing typed is dropped). After
 * each commit `onDurable` fires per row (relay to other instances) and
 * `onCommitted` with the number of updates durable so far (acknowledgements).
 *
 * Compaction (snapshot of the live doc + delete of the rows it covers) runs
 * beside the writes, through a limiter shared by every room, so a thousand
 * rooms unloading at once never open a thousand database operations.
 */
import * as Y from "yjs";
import { NO_METRICS, type CollabMetrics } from "./collab-metrics";
import { TaskLimiter } from "./task-limiter";
import { BoardNotFoundError, type UpdateMeta, type UpdateStore } from "./update-store";

interface PendingUpdate {
  update: Uint8Array;
  meta: UpdateMeta;
}

/** A group commit handed to the store, until it and every one before it are committed. */
interface InFlightBatch {
  count: number;
  bytes: number;
  lastSeq: number;
  done: boolean;
}

/**
 * The most updates a group commit's window holds in one long event-loop turn where commits are pipelined and
 * settled within the turn (PostgreSQL, COLLAB-47/48): the update that reaches it sends the batch at once.
 */
export const ASYNC_WINDOW_UPDATES = 128;

const RETRY_DELAYS_MS = [50, 200, 1000, 5000];
/** Largest group commit, in updates and bytes (one statement must stay reasonable). */
const MAX_BATCH_UPDATES = 2000;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/**
 * Longest run of one author's updates merged into one row (PERF-35): Y.mergeUpdates costs more per update the
 * longer the run (~2 µs per keystroke up to 64, ~14 µs at 1,000), and was 7-11 % of the server's CPU under P4.
 */
export const MAX_MERGED_RUN = 64;

/**
 * How far past `compactEvery` a compaction may wait, as a fraction of it (PERF-74): boards loaded together (a
 * restart, the P10 soak's 500) otherwise all reach their 200th update in the same second, and their compactions
 * came in bursts that held the event loop.
 */
export const DEFAULT_COMPACT_SPREAD = 0.5;

interface PersisterOptions {
  /** Compacts once at least this many updates were logged since the snapshot (see compactSpread). */
  compactEvery: number;
  /**
   * Each compaction threshold is drawn afresh in [compactEvery, compactEvery × (1 + compactSpread)); 0 compacts at
   * exactly compactEvery. Default DEFAULT_COMPACT_SPREAD.
   */
  compactSpread?: number;
  /** Source of the thresholds' randomness, in [0, 1) (Math.random; tests inject their own). */
  random?: () => number;
  log: (message: string, error?: unknown) => void;
  /** Called once a log row is durable, with its sequence number: relayed to other instances. */
  onDurable?: (seq: number, update: Uint8Array) => void;
  /** Called after each commit with the count of updates durable so far (save acknowledgements). */
  onCommitted?: (durableCount: number) => void;
  /**
   * Highest sequence number up to which the doc holds every update (with several instances, other instances'
   * updates may still be in flight). A snapshot covers no more than that. Defaults to the last own append.
   */
  coveredSeq?: () => number;
  /** Shared by every room of the server: bounds concurrent compactions. */
  compactions?: TaskLimiter;
  metrics?: CollabMetrics;
}

export class UpdatePersister {
  /** Updates not handed to the store yet. */
  private queue: PendingUpdate[] = [];
  /** Batches handed to the store, in the order sent. */
  private inFlight: InFlightBatch[] = [];
  /** Bytes of the queue and of the batches in flight. */
  private queueBytes = 0;
  /** Resolves the drain's wait when an update is queued while a write slot is free. */
  private wake: (() => void) | null = null;
  /** Closes the open group-commit window now (null while no window is open). */
  private closeWindow: (() => void) | null = null;
  private writesInFlight = 0;
  private draining: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private logLengthSinceSnapshot: number;
  /** Log length at which the next compaction starts (PERF-74). */
  private compactAt: number;
  private readonly compactions: TaskLimiter;
  private readonly metrics: CollabMetrics;
  /** Highest update-log sequence number known to be durable. */
  lastDurableId = 0;
  /** Updates handed to enqueue() so far. */
  enqueuedCount = 0;
  /** Updates known durable so far (enqueuedCount - durableCount are waiting). */
  durableCount = 0;
  /** The board no longer exists: writes are dropped. */
  private boardGone = false;

  constructor(
    private readonly boardId: string,
    private readonly store: UpdateStore,
    /** The document to snapshot; null while the room is being recovered (never snapshot a broken doc). */
    private readonly currentDoc: () => Y.Doc | null,
    private readonly options: PersisterOptions,
    initialLogLength: number,
  ) {
    this.logLengthSinceSnapshot = initialLogLength;
    this.compactAt = this.drawCompactionThreshold();
    this.compactions = options.compactions ?? new TaskLimiter(1);
    this.metrics = options.metrics ?? NO_METRICS;
  }

  /** Updates waiting to be written: queued or in a write not committed yet. */
  get pendingCount(): number {
    return this.queue.length + this.inFlight.reduce((sum, batch) => sum + batch.count, 0);
  }

  /** Updates handed to the store so far (committed or in a write in flight); the rest are queued. */
  get sentCount(): number {
    return this.enqueuedCount - this.queue.length;
  }

  /** Updates and bytes waiting to be written (for back-pressure and metrics). */
  get backlog(): { updates: number; bytes: number } {
    return { updates: this.pendingCount, bytes: this.queueBytes };
  }

  noteLoaded(lastId: number): void {
    this.lastDurableId = lastId;
  }

  /**
   * Queues an update; returns its position (durable once durableCount reaches it). First settles the commits the
   * store has finished (COLLAB-47): in a long event-loop turn, this is where they count as durable.
   */
  enqueue(update: Uint8Array, meta: UpdateMeta): number {
    this.store.pollCommits?.();
    this.queue.push({ update, meta });
    this.queueBytes += update.length;
    this.enqueuedCount++;
    if (!this.draining) this.draining = this.drain().finally(() => (this.draining = null));
    else if (this.wake && this.writesInFlight < Math.max(1, this.store.appendConcurrency ?? 1)) this.wake();
    else if (this.closeWindow && this.settlesMidTurn && this.queue.length >= ASYNC_WINDOW_UPDATES) this.closeWindow();
    return this.enqueuedCount;
  }

  /** Resolves when everything enqueued so far is durable (no compaction). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Resolves when everything enqueued so far is durable and the log is compacted. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    await this.compact();
  }

  /** Runs of one author (up to MAX_MERGED_RUN) are merged into one row: same content, authorship kept. */
  private takeBatch(): { rows: PendingUpdate[]; count: number; bytes: number } {
    const rows: PendingUpdate[] = [];
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && count < MAX_BATCH_UPDATES && bytes < MAX_BATCH_BYTES) {
      const meta = this.queue[count].meta;
      let end = count;
      while (
        end < this.queue.length &&
        end < MAX_BATCH_UPDATES &&
        end - count < MAX_MERGED_RUN &&
        this.queue[end].meta.authorId === meta.authorId
      ) {
        bytes += this.queue[end].update.length;
        end++;
      }
      const run = this.queue.slice(count, end).map((item) => item.update);
      rows.push({ update: run.length === 1 ? run[0] : Y.mergeUpdates(run), meta });
      count = end;
    }
    return { rows, count, bytes };
  }

  private async drain(): Promise<void> {
    // The group commit window (COLLAB-33): the first write waits for the end of the event loop's poll phase
    // (setImmediate), so every socket's frames read in this turn join it. Waiting only for the current tick gave
    // one write (and on SQLite one fsync, blocking the loop) per socket read: ~2 updates per commit with 20 writers.
    // Closing the window sooner in a long turn (after 16 updates, or 10 ms) was tried against the crash storm
    // (COLLAB-41 trace, SQLite, run side by side at load ~17): 2.2-2.6x more edits lost in flight, nearly all
    // unread in kernel buffers; each extra commit's fsync (~1.3 ms under load) holds the loop that reads them.
    // Where commits are pipelined and settled within the turn (PostgreSQL, COLLAB-47), the window also closes once
    // it holds ASYNC_WINDOW_UPDATES (COLLAB-48), so a starved turn of ~500 updates no longer holds them all to its
    // end; every commit still costs the loop its batch, its message and its acknowledgements. Closing after 5 ms
    // instead was measured against the crash storm (PostgreSQL, 3 seeds x 2 kill points, load ~11): in-flight
    // loss 3,865 against 1,611 before, nearly all unread in kernel buffers.
    await this.window();
    // Pipelining (COLLAB-34): up to `concurrency` group commits in flight. A batch goes out as soon as a slot is
    // free, with what the current turn queued; acknowledgements only ever cover the committed prefix.
    const concurrency = Math.max(1, this.store.appendConcurrency ?? 1);
    const writes = new Set<Promise<void>>();
    while (!this.boardGone && (this.queue.length > 0 || writes.size > 0)) {
      if (this.queue.length > 0 && writes.size < concurrency) {
        const write = this.write().finally(() => writes.delete(write));
        writes.add(write);
        continue;
      }
      const woken = new Promise<void>((resolve) => (this.wake = resolve));
      this.writesInFlight = writes.size;
      const by = await Promise.race([woken.then(() => "enqueued" as const), ...writes]);
      this.wake = null;
      if (by === "enqueued") await this.window();
    }
    this.writesInFlight = 0;
    if (this.boardGone) {
      this.queue = [];
      this.inFlight = [];
      this.queueBytes = 0;
    }
  }

  /**
   * Commits that are pipelined and settled within a turn (COLLAB-47): only there does a batch sent mid-turn count
   * as durable before the turn ends.
   */
  private get settlesMidTurn(): boolean {
    return this.store.pollCommits !== undefined && (this.store.appendConcurrency ?? 1) > 1;
  }

  /** The group commit window: until the end of the event loop's poll phase, or ASYNC_WINDOW_UPDATES (COLLAB-48). */
  private window(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.closeWindow = resolve;
      setImmediate(resolve);
    }).finally(() => (this.closeWindow = null));
  }

  /** Writes the next batch; once it and every batch sent before it are committed, they count as durable. */
  private async write(): Promise<void> {
    const { rows, count, bytes } = this.takeBatch();
    this.queue.splice(0, count);
    const batch: InFlightBatch = { count, bytes, lastSeq: 0, done: false };
    this.inFlight.push(batch);
    const started = performance.now();
    const first = await this.withRetry(() => this.store.appendMany(this.boardId, rows), "append");
    if (first === null) return;
    this.metrics.committed(count, rows.length, (performance.now() - started) / 1000);
    batch.done = true;
    batch.lastSeq = first + rows.length - 1;
    this.logLengthSinceSnapshot += rows.length;
    rows.forEach((row, index) => this.options.onDurable?.(first + index, row.update));
    let advanced = false;
    while (this.inFlight[0]?.done) {
      const committed = this.inFlight.shift()!;
      this.queueBytes -= committed.bytes;
      this.durableCount += committed.count;
      this.lastDurableId = Math.max(this.lastDurableId, committed.lastSeq);
      advanced = true;
    }
    if (advanced) this.options.onCommitted?.(this.durableCount);
    if (this.logLengthSinceSnapshot >= this.compactAt && !this.compacting) void this.compact();
  }

  /** Between compactEvery and compactEvery × (1 + spread), excluded: boards loaded together compact apart. */
  private drawCompactionThreshold(): number {
    const { compactEvery, compactSpread = DEFAULT_COMPACT_SPREAD, random = Math.random } = this.options;
    return compactEvery + Math.floor(random() * compactEvery * Math.max(0, compactSpread));
  }

  /** One compaction at a time per board, queued behind other boards' through the shared limiter. */
  private compact(): Promise<void> {
    if (this.compacting) return this.compacting.then(() => this.compact());
    if (this.logLengthSinceSnapshot === 0 || this.boardGone) return Promise.resolve();
    this.compacting = this.compactions.run(() => this.compactNow()).finally(() => (this.compacting = null));
    return this.compacting;
  }

  /** Snapshot = the whole live doc, built outside any transaction; it covers every durable update. */
  private async compactNow(): Promise<void> {
    const rows = this.logLengthSinceSnapshot;
    if (rows === 0) return;
    // The room's document may have been replaced (a poisoned room reloads); none = nothing to snapshot.
    const doc = this.currentDoc();
    if (!doc) return;
    const covers = this.options.coveredSeq?.() ?? this.lastDurableId;
    const merged = Y.encodeStateAsUpdate(doc);
    const started = performance.now();
    try {
      await this.store.compact(this.boardId, merged, covers);
      this.logLengthSinceSnapshot -= rows;
      this.compactAt = this.drawCompactionThreshold();
      this.metrics.compacted((performance.now() - started) / 1000, true);
    } catch (error) {
      // Compaction is an optimisation: the log is still complete, so try again later.
      this.metrics.compacted((performance.now() - started) / 1000, false);
      if (error instanceof BoardNotFoundError) this.boardGone = true;
      this.options.log(`board ${this.boardId}: compaction failed`, error);
    }
  }

  /** Retries until the write succeeds; null when the board is gone (nothing left to write to). */
  private async withRetry<T>(operation: () => Promise<T>, what: string): Promise<T | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (error instanceof BoardNotFoundError) {
          this.options.log(`board ${this.boardId}: ${what} dropped, the board no longer exists`);
          this.boardGone = true;
          return null;
        }
        this.metrics.commitFailed();
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
