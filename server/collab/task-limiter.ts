/**
 * Runs async tasks with bounded concurrency, first come first served. Compactions
 * go through one of these per server: 1,000 boards unloading at once must not
 * open 1,000 database operations at once (PostgreSQL's pool would time them out).
 */
export class TaskLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task, so `running` stays exact; the task starts on a later turn
      // (PERF-71): on SQLite a compaction never waits on I/O, so 500 queued ones ran as one chain of microtasks and
      // held the event loop (and every keystroke relay) for up to 0.7 s.
      if (next) setImmediate(next);
      else this.running--;
    }
  }
}
