import { describe, expect, it } from "vitest";
import { MemoryAttemptStore, SignInLimiter, WindowLimiter } from "./rate-limiter";

function limiter() {
  const clock = { now: 0 };
  const now = () => clock.now;
  const limits = new SignInLimiter(new MemoryAttemptStore(now), {
    attempts: 3,
    windowMs: 15 * 60_000,
    maxBackoffMs: 60_000,
    now,
  });
  return { clock, limits };
}

describe("SignInLimiter", () => {
  it("HARDEN-11 counts failures only: any number of correct sign-ins from one client is allowed", async () => {
    const { limits } = limiter();
    for (let i = 0; i < 50; i++) {
      expect((await limits.check(`user${i}@x`, "office")).allowed).toBe(true);
      await limits.recordSuccess(`user${i}@x`, "office");
    }
  });

  it("HARDEN-12 failures from one client stop that client; the owner elsewhere waits seconds, not 15 minutes", async () => {
    const { clock, limits } = limiter();
    for (let i = 0; i < 3; i++) await limits.recordFailure("owner@x", "attacker");
    const attacker = await limits.check("owner@x", "attacker");
    expect(attacker.allowed).toBe(false);
    expect(attacker.retryAfterSeconds).toBe(15 * 60);
    // The account itself only backs off for a second after three failures, doubling per failure, at most 60 s.
    expect(await limits.check("owner@x", "home")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1000;
    expect((await limits.check("owner@x", "home")).allowed).toBe(true);
    for (let i = 0; i < 20; i++) await limits.recordFailure("owner@x", `bot${i}`);
    expect((await limits.check("owner@x", "home")).retryAfterSeconds).toBe(60);
    clock.now += 60_000;
    expect((await limits.check("owner@x", "home")).allowed).toBe(true);
    await limits.recordSuccess("owner@x", "home");
    // The owner's success clears the account's back-off, not the attacker's own block.
    expect((await limits.check("owner@x", "attacker")).allowed).toBe(false);
    expect((await limits.check("owner@x", "bot0")).allowed).toBe(true);
  });

  it("stops a client spraying one password over many accounts after 4x the per-account limit", async () => {
    const { limits } = limiter();
    for (let i = 0; i < 12; i++) await limits.recordFailure(`victim${i}@x`, "sprayer");
    expect((await limits.check("another@x", "sprayer")).allowed).toBe(false);
    expect((await limits.check("another@x", "someone-else")).allowed).toBe(true);
  });
});

it("WindowLimiter allows `limit` attempts per window, then refuses until the window ends", async () => {
  let now = 0;
  const limits = new WindowLimiter(new MemoryAttemptStore(() => now), 3, 60_000, () => now);
  expect((await Promise.all([1, 2, 3].map(() => limits.hit("a")))).map((r) => r.allowed)).toEqual([true, true, true]);
  expect(await limits.hit("a")).toEqual({ allowed: false, retryAfterSeconds: 60 });
  expect((await limits.hit("b")).allowed).toBe(true);
  now = 60_000;
  expect((await limits.hit("a")).allowed).toBe(true);
});
