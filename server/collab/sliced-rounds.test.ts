import { afterEach, expect, it, vi } from "vitest";
import { everySliced, type SlicedRounds } from "./sliced-rounds";

let rounds: SlicedRounds | null = null;
afterEach(() => {
  rounds?.stop();
  rounds = null;
  vi.useRealTimers();
});

/** Runs the event loop's check phase once (the setImmediate callbacks queued so far, and those they queue not). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

it("PERF-78 a round over 600 items visits a slice of them per turn of the event loop, each once", async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const items = Array.from({ length: 600 }, (_, n) => n);
  const visited: number[] = [];
  rounds = everySliced(
    1000,
    () => items,
    (item) => visited.push(item),
    () => false,
    256,
  );
  vi.advanceTimersByTime(1000);
  // The first slice runs in the timer's own task; the rest wait for later turns.
  expect(visited).toHaveLength(256);
  await nextTurn();
  expect(visited).toHaveLength(512);
  await nextTurn();
  expect(visited).toEqual(items);
});

it("PERF-78 an item gone before its slice is skipped, and a round still running lets the next one pass", async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const live = new Set(Array.from({ length: 10 }, (_, n) => n));
  const visited: number[] = [];
  rounds = everySliced(
    1000,
    () => live,
    (item) => visited.push(item),
    (item) => !live.has(item),
    4,
  );
  vi.advanceTimersByTime(1000);
  expect(visited).toEqual([0, 1, 2, 3]);
  live.delete(5);
  // Due again while the first round is at its second slice: no second round starts.
  vi.advanceTimersByTime(1000);
  await nextTurn();
  await nextTurn();
  expect(visited).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
  // The next round, once this one is done, visits the items of its own start.
  vi.advanceTimersByTime(1000);
  expect(visited.slice(9)).toEqual([0, 1, 2, 3]);
  rounds.stop();
  await nextTurn();
  expect(visited).toHaveLength(13);
});
