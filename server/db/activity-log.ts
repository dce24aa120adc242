/**
 * Writes the activity feed. Typing produces a change per keystroke batch, so
 * text edits by the same person on the same field within two minutes are
 * folded into one entry (its time moves forward) instead of flooding the feed;
 * so are repeated moves of one row. An entry refers to its row by id and keeps
 * only a short excerpt of the title (never a copy of a whole field per event:
 * a 1.5 MB title moved 100 times once grew the database by 150 MB). Writes are
 * retried while the database is locked or down, like the update log's.
 *
 * This module is the one place that writes activity rows (lint refuses `activityEntry` writes elsewhere):
 * services add theirs with `addActivityEntry` inside their own transactions, so an entry is stored with the
 * change it records or not at all. The feed's own batches go through its driver writer (PERF-77,
 * activity-entry-writer.ts), which lint lets touch the table on the driver.
 */
import { storableTitle } from "./storable-text";
import type { BoardChange } from "../collab/board-changes";
import type { ConnectionActor } from "../collab/connection";
import {
  ActivityRowsGoneError,
  type ActivityBoardWrites,
  type ActivityEntryWriter,
  type NewActivityEntry,
} from "./activity-entry-writer";
import { activityWriterOf, type Prisma, type PrismaClient } from "./prisma-client";

const FOLD_TEXT_EDITS_MS = 2 * 60 * 1000;
/** Fold keys (person, row, field) kept before the stale ones are dropped: ~50,000 typists on one instance. */
const MAX_FOLDS = 50_000;
/** Longest title excerpt stored in an entry (characters). */
export const TITLE_EXCERPT_CHARS = 200;
const RETRY_DELAYS_MS = [50, 200, 1000, 5000];
/** Changes of these kinds by one person on one row (and field) within FOLD_TEXT_EDITS_MS are one entry. */
const FOLDED_KINDS: ReadonlySet<BoardChange["kind"]> = new Set(["text-edited", "row-moved"]);

/** The stored form of a title: NUL-free, at most TITLE_EXCERPT_CHARS characters (an ellipsis marks a cut). */
export function titleExcerpt(title: string | null | undefined): string | null {
  const text = storableTitle(title);
  if (text === null || text.length <= TITLE_EXCERPT_CHARS) return text;
  return `${Array.from(text.slice(0, TITLE_EXCERPT_CHARS + 1))
    .slice(0, TITLE_EXCERPT_CHARS - 1)
    .join("")}…`;
}
/** Adds one activity row; pass a transaction's client (or use the returned query in `$transaction([...])`). */
export function addActivityEntry(
  db: Pick<PrismaClient, "activityEntry">,
  data: Prisma.ActivityEntryUncheckedCreateInput,
) {
  return db.activityEntry.create({ data, select: { id: true } });
}

/** While typing continues, the folded entry's time and title are refreshed at most this often. */
const REFRESH_FOLDED_MS = 10 * 1000;
/**
 * PERF-37: changes recorded within this window are written together, one transaction per board. On SQLite each
 * commit is an fsync on the server's main thread; a commit per change (50 people starting to type) held the
 * relay of everyone's keystrokes for ~7 ms each on a busy disk.
 */
const ACTIVITY_BATCH_MS = 100;

interface ActivityLogDeps {
  prisma: PrismaClient;
  log: (message: string, error?: unknown) => void;
  /** Where the batches are written: the client's driver writer (PERF-77) unless given (tests wrap it). */
  writer?: ActivityEntryWriter;
  now?: () => number;
  /** Fold keys kept before pruning (MAX_FOLDS; tests set a small one). */
  maxFolds?: number;
}

interface RecordedChange {
  boardId: string;
  actor: ConnectionActor;
  change: BoardChange;
  at: number;
}

/** A folded entry (typing, moves): its id once created, when it last changed and when it was last written. */
interface FoldedEntry {
  id: number | null;
  at: number;
  written: number;
}

/** One board's share of a batch: entries to create and folded entries whose title and time move forward. */
interface BoardWrites {
  creates: { data: NewActivityEntry; folded: FoldedEntry | null }[];
  refreshes: Map<FoldedEntry, string | null>;
}

/** Built through this factory from one deps object, like every service (decision 025). */
export function createActivityLog(deps: ActivityLogDeps): ActivityLog {
  return new ActivityLog(deps);
}

export class ActivityLog {
  private lastTextEdit = new Map<string, FoldedEntry>();
  private pending: RecordedChange[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  private readonly writer: ActivityEntryWriter;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly now: () => number;
  private readonly maxFolds: number;

  constructor(deps: ActivityLogDeps) {
    this.writer = deps.writer ?? activityWriterOf(deps.prisma);
    this.log = deps.log;
    this.now = deps.now ?? Date.now;
    this.maxFolds = deps.maxFolds ?? MAX_FOLDS;
  }

  record(boardId: string, actor: ConnectionActor, changes: BoardChange[]): void {
    // The time of the change, not of the (batched) write.
    const at = this.now();
    for (const change of changes) this.pending.push({ boardId, actor, change, at });
    this.timer ??= setTimeout(() => this.writePending(), ACTIVITY_BATCH_MS);
  }

  /** Writes what is recorded now; resolves when everything recorded so far is written (tests, shutdown). */
  flush(): Promise<void> {
    this.writePending();
    return this.chain;
  }

  private writePending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // One batch at a time keeps folding decisions consistent.
    this.chain = this.chain
      .then(() => this.writeBatch(batch))
      .catch((error) => this.log("activity not recorded", error));
  }

  private async writeBatch(batch: RecordedChange[]): Promise<void> {
    const byBoard = new Map<string, RecordedChange[]>();
    for (const recorded of batch) {
      const changes = byBoard.get(recorded.boardId);
      if (changes) changes.push(recorded);
      else byBoard.set(recorded.boardId, [recorded]);
    }
    const boards = [...byBoard].map(([boardId, changes]) => ({ boardId, writes: this.fold(changes) }));
    // PERF-69: the whole batch in one transaction first. On SQLite each commit is an fsync on the event loop, and a
    // transaction per board made one per board being typed on (500 boards: ~200 fsyncs a second held the loop).
    const together = boards.length > 1 && (await this.writeTogether(boards.map(({ writes }) => writes)));
    if (!together) for (const { boardId, writes } of boards) await this.writeBoard(boardId, writes);
    // After either path: the fold memory stays bounded however the batch was written.
    this.pruneFolds();
  }

  /** The boards' writes in one transaction; false when it failed (nothing of it was kept). */
  private async writeTogether(boards: BoardWrites[]): Promise<boolean> {
    try {
      const ids = await this.transaction(boards);
      boards.forEach((writes, index) => this.noteCreated(writes, ids[index]));
      return true;
    } catch {
      // Each board on its own then, so one board deleted meanwhile does not cost the others.
      return false;
    }
  }

  /** One board's writes, retried while the database refuses them; given up only when the board is gone. */
  private async writeBoard(boardId: string, writes: BoardWrites): Promise<void> {
    try {
      // One transaction: all or nothing, so a retry never writes a change twice.
      const [ids] = await this.withRetry(boardId, () => this.transaction([writes]));
      this.noteCreated(writes, ids);
    } catch (error) {
      // The board (or a folded entry) is gone: nothing of this batch is kept, and nothing refers to it later.
      for (const { folded } of writes.creates) if (folded) this.forget(folded);
      for (const entry of writes.refreshes.keys()) this.forget(entry);
      this.log(`board ${boardId}: activity not recorded`, error);
    }
  }

  private noteCreated(writes: BoardWrites, ids: number[]): void {
    writes.creates.forEach(({ folded }, index) => {
      if (folded) folded.id = ids[index];
    });
  }

  /**
   * Bounds the fold memory: an entry last touched FOLD_TEXT_EDITS_MS ago can no longer fold anything, so it goes
   * first (clearing everything at 5,000 keys made every one of 5,000 typists start a new entry at once).
   */
  private pruneFolds(): void {
    if (this.lastTextEdit.size <= this.maxFolds) return;
    const stale = this.now() - FOLD_TEXT_EDITS_MS;
    for (const [key, folded] of this.lastTextEdit) if (folded.at < stale) this.lastTextEdit.delete(key);
    if (this.lastTextEdit.size > this.maxFolds) this.lastTextEdit.clear();
  }

  /** Decides, in order, which changes fold into an entry (refreshing it at most every REFRESH_FOLDED_MS) and which are new. */
  private fold(changes: RecordedChange[]): BoardWrites {
    const writes: BoardWrites = { creates: [], refreshes: new Map() };
    const creating = new Map<FoldedEntry, NewActivityEntry>();
    for (const { boardId, actor, change, at } of changes) {
      const foldKey = `${boardId}|${actor.userId}|${change.kind}|${change.rowId}|${change.detail.field ?? ""}`;
      const folds = FOLDED_KINDS.has(change.kind);
      const last = folds ? this.lastTextEdit.get(foldKey) : undefined;
      if (last && at - last.at < FOLD_TEXT_EDITS_MS) {
        if (at - last.written >= REFRESH_FOLDED_MS) {
          const title = titleExcerpt(change.rowTitle);
          const created = creating.get(last);
          if (created) created.rowTitle = title;
          else writes.refreshes.set(last, title);
          last.written = at;
        }
        last.at = at;
        continue;
      }
      const data: NewActivityEntry = {
        boardId,
        actorId: actor.userId,
        actorName: actor.name,
        delegationCode: actor.delegationCode,
        delegationName: actor.delegationName,
        kind: change.kind,
        rowId: change.rowId,
        rowTitle: titleExcerpt(change.rowTitle),
        detail: JSON.stringify(change.detail),
      };
      const folded = folds ? { id: null, at, written: at } : null;
      if (folded) {
        this.lastTextEdit.set(foldKey, folded);
        creating.set(folded, data);
      }
      writes.creates.push({ data, folded });
    }
    return writes;
  }

  /**
   * The boards' creates and refreshes in one transaction, on the driver (PERF-77: no Prisma query per entry);
   * each board's created entries' ids, in order.
   */
  private async transaction(boards: BoardWrites[]): Promise<number[][]> {
    const batch: ActivityBoardWrites[] = boards.map((writes) => ({
      creates: writes.creates.map(({ data }) => data),
      refreshes: [...writes.refreshes].flatMap(([entry, rowTitle]) =>
        entry.id === null ? [] : [{ id: entry.id, rowTitle }],
      ),
    }));
    // Refreshes of entries not created yet (still being written) leave nothing to do: no empty commit.
    if (batch.every(({ creates, refreshes }) => creates.length === 0 && refreshes.length === 0))
      return boards.map(() => []);
    return this.writer.write(batch);
  }

  private forget(entry: FoldedEntry): void {
    for (const [key, folded] of this.lastTextEdit) if (folded === entry) this.lastTextEdit.delete(key);
  }

  private async withRetry<T>(boardId: string, operation: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (error instanceof ActivityRowsGoneError) throw error;
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
        this.log(`board ${boardId}: activity write failed (attempt ${attempt + 1}), retrying in ${delay} ms`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
