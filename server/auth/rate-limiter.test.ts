import { expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

it("allows `limit` attempts per window, then refuses until the window ends", () => {
  let now = 0;
  const limiter = new RateLimiter(3, 60_000, () => now);
  expect([1, 2, 3].map(() => limiter.hit("a").allowed)).toEqual([true, true, true]);
  const refused = limiter.hit("a");
  expect(refused.allowed).toBe(false);
  expect(refused.retryAfterSeconds).toBe(60);
  expect(limiter.hit("b").allowed).toBe(true);
  now = 60_000;
  expect(limiter.hit("a").allowed).toBe(true);
});
