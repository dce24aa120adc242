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
 * change it records or not at all.
 */
import { storableTitle } from "./storable-text";
import type { BoardChange } from "../collab/board-changes";
import type { ConnectionActor } from "../collab/connection";
import type { Prisma, PrismaClient } from "./prisma-client";

const FOLD_TEXT_EDITS_MS = 2 * 60 * 1000;
/** Longest title excerpt stored in an entry (characters). */
export const TITLE_EXCERPT_CHARS = 200;
const RETRY_DELAYS_MS = [50, 200, 1000, 5000];
/** Prisma codes after which retrying cannot help: the board (foreign key) or the folded entry is gone. */
const PERMANENT_CODES = new Set(["P2003", "P2025"]);
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

interface ActivityLogDeps {
  prisma: PrismaClient;
  log: (message: string, error?: unknown) => void;
  now?: () => number;
}

/** Built through this factory from one deps object, like every service (decision 025). */
export function createActivityLog(deps: ActivityLogDeps): ActivityLog {
  return new ActivityLog(deps);
}

export class ActivityLog {
  private lastTextEdit = new Map<string, { id: number; at: number; written: number }>();
  private chain: Promise<void> = Promise.resolve();

  private readonly prisma: PrismaClient;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly now: () => number;

  constructor(deps: ActivityLogDeps) {
    this.prisma = deps.prisma;
    this.log = deps.log;
    this.now = deps.now ?? Date.now;
  }

  record(boardId: string, actor: ConnectionActor, changes: BoardChange[]): void {
    // The time of the change, not of the (queued) write.
    const at = this.now();
    // One write at a time keeps folding decisions consistent.
    this.chain = this.chain
      .then(async () => {
        // One change at a time, each retried on its own: a retry never writes an earlier change twice.
        for (const change of changes) await this.withRetry(boardId, () => this.write(boardId, actor, change, at));
        if (this.lastTextEdit.size > 5000) this.lastTextEdit.clear();
      })
      .catch((error) => this.log(`board ${boardId}: activity not recorded`, error));
  }

  /** Resolves when everything recorded so far is written (tests, shutdown). */
  flush(): Promise<void> {
    return this.chain;
  }

  private async withRetry(boardId: string, operation: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (PERMANENT_CODES.has((error as { code?: string } | null)?.code ?? "")) throw error;
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
        this.log(`board ${boardId}: activity write failed (attempt ${attempt + 1}), retrying in ${delay} ms`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async write(boardId: string, actor: ConnectionActor, change: BoardChange, at: number): Promise<void> {
    const foldKey = `${boardId}|${actor.userId}|${change.kind}|${change.rowId}|${change.detail.field ?? ""}`;
    if (FOLDED_KINDS.has(change.kind)) {
      const last = this.lastTextEdit.get(foldKey);
      if (last && at - last.at < FOLD_TEXT_EDITS_MS) {
        if (at - last.written >= REFRESH_FOLDED_MS) {
          await this.prisma.activityEntry.update({
            where: { id: last.id },
            data: { rowTitle: titleExcerpt(change.rowTitle) },
            select: { id: true },
          });
          last.written = at;
        }
        last.at = at;
        return;
      }
    }
    const entry = await addActivityEntry(this.prisma, {
      boardId,
      actorId: actor.userId,
      actorName: actor.name,
      delegationCode: actor.delegationCode,
      delegationName: actor.delegationName,
      kind: change.kind,
      rowId: change.rowId,
      rowTitle: titleExcerpt(change.rowTitle),
      detail: JSON.stringify(change.detail),
    });
    if (FOLDED_KINDS.has(change.kind)) this.lastTextEdit.set(foldKey, { id: entry.id, at, written: at });
  }
}
