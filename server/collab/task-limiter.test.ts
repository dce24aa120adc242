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
});
