import { describe, expect, it } from "vitest";
import { TaskLimiter } from "./task-limiter";

describe("TaskLimiter", () => {
  it("never runs more than its concurrency at once, and runs everything", async () => {
    const limiter = new TaskLimiter(2);
    let now = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const results = Array.from({ length: 10 }, (_, index) =>
      limiter.run(async () => {
        now++;
        peak = Math.max(peak, now);
        await new Promise<void>((resolve) => gates.push(resolve));
        now--;
        return index;
      }),
    );
    while (gates.length > 0 || limiter.active > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
  });

  it("a failing task frees its slot", async () => {
    const limiter = new TaskLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run(async () => "next")).resolves.toBe("next");
    expect(limiter.active).toBe(0);
  });

  it("PERF-71 a queued task starts on a later turn of the event loop, never in the same chain of microtasks", async () => {
    const limiter = new TaskLimiter(1);
    const order: string[] = [];
    // Tasks that never wait on I/O, as SQLite compactions do: without a turn between them they run back to back.
    const tasks = Array.from({ length: 3 }, (_, index) =>
      limiter.run(async () => {
        order.push(`task ${index}`);
        setImmediate(() => order.push(`turn after task ${index}`));
      }),
    );
    await Promise.all(tasks);
    expect(order).toEqual(["task 0", "turn after task 0", "task 1", "turn after task 1", "task 2"]);
  });
});
