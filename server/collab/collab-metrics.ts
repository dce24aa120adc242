/**
 * What the collaboration server reports about itself. Room logic calls these
 * hooks; server/ops/metrics.ts implements them with prom-client (rooms never
 * import it). NO_METRICS does nothing. Refusals and poisoned rooms are counted
 * by the registry (refusalsByRule, poisonedRooms) and read at scrape time.
 */
export interface CollabMetrics {
  /** An update from a client was applied to a room's document. */
  updateApplied(): void;
  /** One group commit: `updates` client updates written as `rows` log rows in `seconds`. */
  committed(updates: number, rows: number, seconds: number): void;
  /** A write to the log failed and will be retried. */
  commitFailed(): void;
  compacted(seconds: number, ok: boolean): void;
}

export const NO_METRICS: CollabMetrics = {
  updateApplied: () => undefined,
  committed: () => undefined,
  commitFailed: () => undefined,
  compacted: () => undefined,
};
