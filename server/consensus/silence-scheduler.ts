/**
 * Fires the silence-procedure deadlines. Timers live in memory, deadlines in
 * the database: at start-up every pending deadline is scheduled again (an
 * overdue one fires at once), so a restart before the deadline changes nothing.
 */
import type { Clock } from "./clock";

/** setTimeout cannot wait longer than ~24.8 days; longer waits re-arm. */
const MAX_WAIT_MS = 24 * 3600 * 1000;

export class SilenceScheduler {
  private timers = new Map<string, unknown>();

  constructor(
    private readonly clock: Clock,
    private readonly onDeadline: (boardId: string, rowId: string) => Promise<void>,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  schedule(boardId: string, rowId: string, deadline: Date): void {
    this.cancel(boardId, rowId);
    const key = `${boardId}\u0000${rowId}`;
    const wait = deadline.getTime() - this.clock.now();
    if (wait <= 0) {
      // Overdue (e.g. the deadline passed while the server was down): adopt now.
      queueMicrotask(() =>
        this.onDeadline(boardId, rowId).catch((error) =>
          this.log(`silence deadline ${boardId}/${rowId} failed`, error),
        ),
      );
      return;
    }
    const handle = this.clock.setTimeout(
      () => {
        this.timers.delete(key);
        if (deadline.getTime() > this.clock.now()) return this.schedule(boardId, rowId, deadline);
        this.onDeadline(boardId, rowId).catch((error) =>
          this.log(`silence deadline ${boardId}/${rowId} failed`, error),
        );
      },
      Math.max(0, Math.min(wait, MAX_WAIT_MS)),
    );
    this.timers.set(key, handle);
  }

  cancel(boardId: string, rowId: string): void {
    const key = `${boardId}\u0000${rowId}`;
    const handle = this.timers.get(key);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.timers.delete(key);
  }

  stop(): void {
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }
}
