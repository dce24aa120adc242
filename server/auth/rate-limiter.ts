/**
 * Sign-in and sign-up limits (decision 016). Only FAILED sign-ins count, so a
 * delegation behind one office address never locks itself out by signing in
 * correctly, and what an attacker can impose on the real owner is short:
 *   - per (account, client): `attempts` failures per window, then that client waits for the window;
 *   - per account, from any client: after `attempts` failures a back-off that doubles per further
 *     failure, capped at `maxBackoffMs` (seconds, not the 15 minutes of a lockout);
 *   - per client, over all accounts (password spraying): `attempts` x 4 failures per window.
 * Counters live behind `AttemptStore` so several instances can share them (a Redis store
 * implements the same three calls); `MemoryAttemptStore` is the one-process store.
 */

interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface AttemptWindow {
  count: number;
  /** When the latest attempt was recorded (ms). */
  lastAt: number;
  /** When the window ends and the count starts again (ms). */
  resetAt: number;
}

/** Counters of attempts per key in a window that starts with the first attempt. */
export interface AttemptStore {
  get(key: string): Promise<AttemptWindow | null>;
  /** Counts one attempt under `key`; a window that has ended starts again. */
  add(key: string, windowMs: number): Promise<AttemptWindow>;
  clear(key: string): Promise<void>;
}

export class MemoryAttemptStore implements AttemptStore {
  private windows = new Map<string, AttemptWindow>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<AttemptWindow | null> {
    const window = this.windows.get(key);
    return window && window.resetAt > this.now() ? { ...window } : null;
  }

  async add(key: string, windowMs: number): Promise<AttemptWindow> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, lastAt: now, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    window.lastAt = now;
    if (this.windows.size > 10_000) this.prune(now);
    return { ...window };
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

interface SignInLimitOptions {
  /** Failures allowed per (account, client) in one window; the per-client limit is 4x this. */
  attempts: number;
  windowMs: number;
  /** Longest back-off on an account that fails from many clients. */
  maxBackoffMs: number;
  now?: () => number;
}

const allowed: RateLimitResult = { allowed: true, retryAfterSeconds: 0 };
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class SignInLimiter {
  private readonly now: () => number;

  constructor(
    private readonly store: AttemptStore,
    private readonly options: SignInLimitOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  private keys(email: string, client: string) {
    return { account: `account:${email}`, pair: `pair:${email}|${client}`, client: `client:${client}` };
  }

  /** May this client try this account now? Counts nothing. */
  async check(email: string, client: string): Promise<RateLimitResult> {
    const keys = this.keys(email, client);
    const [account, pair, perClient] = await Promise.all([
      this.store.get(keys.account),
      this.store.get(keys.pair),
      this.store.get(keys.client),
    ]);
    const now = this.now();
    const waits: number[] = [];
    const { attempts } = this.options;
    if (pair && pair.count >= attempts) waits.push(pair.resetAt - now);
    if (perClient && perClient.count >= attempts * 4) waits.push(perClient.resetAt - now);
    if (account && account.count >= attempts) {
      const backoff = Math.min(1000 * 2 ** (account.count - attempts), this.options.maxBackoffMs);
      const until = account.lastAt + backoff;
      if (until > now) waits.push(until - now);
    }
    return waits.length === 0 ? allowed : { allowed: false, retryAfterSeconds: seconds(Math.max(...waits)) };
  }

  async recordFailure(email: string, client: string): Promise<void> {
    const keys = this.keys(email, client);
    const { windowMs } = this.options;
    await Promise.all([
      this.store.add(keys.account, windowMs),
      this.store.add(keys.pair, windowMs),
      this.store.add(keys.client, windowMs),
    ]);
  }

  /** The owner got in: their account and this client start from zero (the client's spraying count stays). */
  async recordSuccess(email: string, client: string): Promise<void> {
    const keys = this.keys(email, client);
    await Promise.all([this.store.clear(keys.account), this.store.clear(keys.pair)]);
  }
}

/** A plain "n per window" limit (sign-ups per client): every attempt counts. */
export class WindowLimiter {
  constructor(
    private readonly store: AttemptStore,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string): Promise<RateLimitResult> {
    const window = await this.store.add(key, this.windowMs);
    return window.count <= this.limit
      ? allowed
      : { allowed: false, retryAfterSeconds: seconds(window.resetAt - this.now()) };
  }
}
