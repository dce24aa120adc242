/**
 * Per-socket and per-board limits of the collaboration endpoint (COLLAB-21):
 * how many sockets one session and one board may hold, and how many frames
 * and bytes one socket may send per second. Kept apart from ws so the
 * arithmetic is unit-tested on its own.
 */
export interface SocketLimits {
  maxSocketsPerSession: number;
  maxSocketsPerBoard: number;
  maxFramesPerSecond: number;
  maxBytesPerSecond: number;
}

/** The defaults of the matching environment variables (server/config.ts). */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxSocketsPerSession: 20,
  maxSocketsPerBoard: 200,
  maxFramesPerSecond: 200,
  maxBytesPerSecond: 8 * 1024 * 1024,
};

/**
 * Token bucket: holds at most one second's allowance and refills
 * continuously, so a burst of one second's worth passes and a sustained
 * flood is cut off.
 */
export class RateBucket {
  private frames: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly limits: Pick<SocketLimits, "maxFramesPerSecond" | "maxBytesPerSecond">,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.frames = limits.maxFramesPerSecond;
    this.bytes = limits.maxBytesPerSecond;
    this.last = now();
  }

  /** Takes one frame of `size` bytes; false when the socket is over its rate. */
  take(size: number): boolean {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.frames = Math.min(this.limits.maxFramesPerSecond, this.frames + elapsed * this.limits.maxFramesPerSecond);
    this.bytes = Math.min(this.limits.maxBytesPerSecond, this.bytes + elapsed * this.limits.maxBytesPerSecond);
    this.frames -= 1;
    this.bytes -= size;
    return this.frames >= 0 && this.bytes >= 0;
  }
}

/** Counts open sockets by key (session, board); `tryAdd` refuses past the limit. */
export class SocketCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  tryAdd(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  remove(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  get size(): number {
    return this.counts.size;
  }
}
