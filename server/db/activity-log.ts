/**
 * Writes the activity feed. Typing produces a change per keystroke batch, so
 * text edits by the same person on the same field within two minutes are
 * folded into one entry (its time moves forward) instead of flooding the feed.
 */
import { storableTitle } from "./storable-text";
import type { BoardChange } from "../collab/board-changes";
import type { ConnectionActor } from "../collab/connection";
import type { PrismaClient } from "./prisma-client";

const FOLD_TEXT_EDITS_MS = 2 * 60 * 1000;
/** While typing continues, the folded entry's time and title are refreshed at most this often. */
const REFRESH_FOLDED_MS = 10 * 1000;

export class ActivityLog {
  private lastTextEdit = new Map<string, { id: number; at: number; written: number }>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  record(boardId: string, actor: ConnectionActor, changes: BoardChange[]): void {
    // The time of the change, not of the (queued) write.
    const at = this.now();
    // One write at a time keeps folding decisions consistent.
    this.chain = this.chain
      .then(() => this.write(boardId, actor, changes, at))
      .catch((error) => this.log(`board ${boardId}: activity not recorded`, error));
  }

  /** Resolves when everything recorded so far is written (tests, shutdown). */
  flush(): Promise<void> {
    return this.chain;
  }

  private async write(boardId: string, actor: ConnectionActor, changes: BoardChange[], at: number): Promise<void> {
    for (const change of changes) {
      const foldKey = `${boardId}|${actor.userId}|${change.rowId}|${change.detail.field ?? ""}`;
      if (change.kind === "text-edited") {
        const last = this.lastTextEdit.get(foldKey);
        if (last && at - last.at < FOLD_TEXT_EDITS_MS) {
          if (at - last.written >= REFRESH_FOLDED_MS) {
            await this.prisma.activityEntry.update({
              where: { id: last.id },
              data: { rowTitle: storableTitle(change.rowTitle) },
              select: { id: true },
            });
            last.written = at;
          }
          last.at = at;
          continue;
        }
      }
      const entry = await this.prisma.activityEntry.create({
        data: {
          boardId,
          actorId: actor.userId,
          actorName: actor.name,
          delegationCode: actor.delegationCode,
          delegationName: actor.delegationName,
          kind: change.kind,
          rowId: change.rowId,
          rowTitle: storableTitle(change.rowTitle),
          detail: JSON.stringify(change.detail),
        },
        select: { id: true },
      });
      if (change.kind === "text-edited") this.lastTextEdit.set(foldKey, { id: entry.id, at, written: at });
    }
    if (this.lastTextEdit.size > 5000) this.lastTextEdit.clear();
  }
}
