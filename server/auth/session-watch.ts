/**
 * Open sockets outlive the request that authenticated them. Sign-out in this process closes them at once
 * (AuthDeps.onSessionEnded / onSessionsRevoked); this re-check covers what another process did to the
 * sessions table: `npm run admin:reset-password`, another server instance. Every `intervalMs`, ONE query
 * asks which of the sessions behind open sockets still exist, and the sockets of the others are closed.
 * A shared bus (Redis) can later push revocations instead; this stays as the safety net.
 */
interface SessionWatchOptions {
  intervalMs: number;
  openSessionIds(): string[];
  liveSessionIds(sessionIds: readonly string[]): Promise<Set<string>>;
  closeSessions(sessionIds: string[]): void;
  log: (message: string, error?: unknown) => void;
}

export interface SessionWatch {
  /** One check now (tests, and after a revocation event from elsewhere). */
  checkNow(): Promise<void>;
  stop(): void;
}

export function watchSessions(options: SessionWatchOptions): SessionWatch {
  let running: Promise<void> | null = null;

  async function check(): Promise<void> {
    const open = options.openSessionIds();
    if (open.length === 0) return;
    const live = await options.liveSessionIds(open);
    const ended = open.filter((id) => !live.has(id));
    if (ended.length > 0) options.closeSessions(ended);
  }

  function checkNow(): Promise<void> {
    // One check at a time: a slow database must not pile queries up.
    running ??= check()
      .catch((error: unknown) => options.log("session re-check failed", error))
      .finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => void checkNow(), options.intervalMs);
  timer.unref();
  return { checkNow, stop: () => clearInterval(timer) };
}
