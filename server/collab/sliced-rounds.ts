/**
 * PERF-78: a periodic round over many items (the heartbeat's ping of every socket) done a slice per turn of the
 * event loop. A ping is one socket write: 5,000 of them in one task held the loop 50-90 ms every round in the P10
 * soak, and every edit relayed meanwhile waited for it.
 */

/** Items handled per turn: a few milliseconds of socket writes. */
const ROUND_SLICE = 256;

export interface SlicedRounds {
  stop(): void;
}

/**
 * Every `intervalMs`, calls `visit` on each item `items()` holds at the round's start, `slice` per turn. A round
 * still running when the next is due lets that one pass; an item gone before its turn (`isGone`) is skipped.
 */
export function everySliced<T>(
  intervalMs: number,
  items: () => Iterable<T>,
  visit: (item: T) => void,
  isGone: (item: T) => boolean,
  slice = ROUND_SLICE,
): SlicedRounds {
  let running = false;
  let stopped = false;
  let pending: NodeJS.Immediate | null = null;
  const step = (round: T[], from: number) => {
    pending = null;
    if (stopped) return;
    const end = Math.min(round.length, from + slice);
    for (let index = from; index < end; index++) if (!isGone(round[index])) visit(round[index]);
    if (end < round.length) pending = setImmediate(() => step(round, end));
    else running = false;
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    step([...items()], 0);
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      if (pending) clearImmediate(pending);
    },
  };
}
