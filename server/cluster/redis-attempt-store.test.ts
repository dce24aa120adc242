import { Redis } from "ioredis";
import { afterAll, expect, it } from "vitest";
import { MemoryAttemptStore } from "../auth/rate-limiter";
import { uniqueRedisPrefix, TEST_REDIS_URL } from "../../tests/support/cluster";
import { RedisAttemptStore } from "./redis-attempt-store";

const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
afterAll(() => redis.quit());

it("SCALE-9 login attempt counters in Redis are shared by instances and behave like the in-memory store", async () => {
  let now = 1_000_000;
  const prefix = uniqueRedisPrefix();
  // Two instances, one Redis: attempts made through either count together.
  const [first, second] = [
    new RedisAttemptStore(redis, prefix, () => now),
    new RedisAttemptStore(redis, prefix, () => now),
  ];
  const memory = new MemoryAttemptStore(() => now);
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? second : first).add("acct", 60_000)));
  expect(results.map((window) => window.count).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  for (let i = 0; i < 6; i++) await memory.add("acct", 60_000);
  expect(await second.get("acct")).toEqual(await memory.get("acct"));
  now += 60_000;
  expect(await first.get("acct")).toBeNull();
  expect((await first.add("acct", 60_000)).count).toBe(1);
  await second.clear("acct");
  expect(await first.get("acct")).toBeNull();
});
