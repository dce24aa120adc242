/**
 * Per-socket and per-board limits of the collaboration endpoint (COLLAB-21):
 * how many sockets one session and one board may hold, and how many frames
 * and bytes per second the server reads from one socket (PERF-32). Kept apart
 * from ws so the arithmetic is unit-tested on its own.
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
 * continuously, so a burst of one second's worth passes at once and more is
 * read only at the rate.
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

  /** Takes one frame of `size` bytes; returns how long (ms) the socket must wait to be back within its rate. */
  take(size: number): number {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.frames = Math.min(this.limits.maxFramesPerSecond, this.frames + elapsed * this.limits.maxFramesPerSecond);
    this.bytes = Math.min(this.limits.maxBytesPerSecond, this.bytes + elapsed * this.limits.maxBytesPerSecond);
    this.frames -= 1;
    this.bytes -= size;
    const owedSeconds = Math.max(
      0,
      -this.frames / this.limits.maxFramesPerSecond,
      -this.bytes / this.limits.maxBytesPerSecond,
    );
    return owedSeconds * 1000;
  }
}

/** What can stop a socket's reading: the room's write backlog (COLLAB-24) or the socket's own rate (PERF-32). */
type PauseReason = "backlog" | "rate";

/**
 * Pauses a socket's reading while any reason holds and resumes it once none
 * does, so the rate limit's timer never resumes a socket the room holds back,
 * nor the room one that is over its rate.
 */
export class ReadGate {
  private readonly reasons = new Set<PauseReason>();

  constructor(private readonly socket: { pause(): void; resume(): void }) {}

  hold(reason: PauseReason): void {
    if (this.reasons.size === 0) this.socket.pause();
    this.reasons.add(reason);
  }

  release(reason: PauseReason): void {
    if (this.reasons.delete(reason) && this.reasons.size === 0) this.socket.resume();
  }

  get paused(): boolean {
    return this.reasons.size > 0;
  }
}

/**
 * PERF-32: frames beyond a socket's rate are handled later, not refused.
 * Frames reach the server in bursts whenever it did not read for a while (its
 * back-pressure paused the socket, a long task held the event loop), so a
 * client that sent within its rate may arrive faster than the rate; closing it
 * would cut off every editor of a board after each stall. A frame over the
 * allowance waits here until its turn, and the socket is not read meanwhile:
 * the wait holds at most what was already read, a flood gets exactly the
 * rate (TCP keeps the rest on the sender's side), an honest client loses
 * nothing.
 */
export class FrameThrottle<Frame extends { length: number }> {
  private readonly bucket: RateBucket;
  /** Frames over the allowance, in order, each with the time it may be handled. */
  private readonly waiting: { frame: Frame; due: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    limits: Pick<SocketLimits, "maxFramesPerSecond" | "maxBytesPerSecond">,
    private readonly gate: ReadGate,
    private readonly handle: (frame: Frame) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bucket = new RateBucket(limits, now);
  }

  /** A frame that was read: handled now when the socket is within its rate, else queued behind the others. */
  push(frame: Frame): void {
    const owedMs = this.bucket.take(frame.length);
    if (owedMs <= 0 && this.waiting.length === 0) return this.handle(frame);
    this.waiting.push({ frame, due: this.now() + owedMs });
    this.gate.hold("rate");
    this.schedule();
  }

  /** Frames read but not handled yet. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The socket closed: nothing left to handle, no timer left behind. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.length = 0;
  }

  private schedule(): void {
    if (this.timer || this.waiting.length === 0) return;
    this.timer = setTimeout(() => this.release(), Math.max(0, Math.ceil(this.waiting[0].due - this.now())));
  }

  private release(): void {
    this.timer = null;
    const now = this.now();
    while (this.waiting.length > 0 && this.waiting[0].due <= now) this.handle(this.waiting.shift()!.frame);
    if (this.waiting.length === 0) this.gate.release("rate");
    else this.schedule();
  }
}

/**
 * PERF-65: ws emits the frames of one read of a socket one after the other in the same task; this hands them on
 * together, in order, once that task's synchronous work is done (a microtask), so the room can apply a run of
 * one client's keystrokes as one transaction. Nothing waits longer than the task that read it.
 */
export class FrameBatcher<Frame> {
  private frames: Frame[] = [];

  constructor(private readonly handle: (frames: Frame[]) => void) {}

  push(frame: Frame): void {
    this.frames.push(frame);
    if (this.frames.length === 1) queueMicrotask(() => this.flush());
  }

  private flush(): void {
    const frames = this.frames;
    this.frames = [];
    if (frames.length > 0) this.handle(frames);
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
