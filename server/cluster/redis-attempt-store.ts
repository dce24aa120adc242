/**
 * Sign-in/sign-up attempt counters in Redis, shared by every instance (AttemptStore, server/auth/rate-limiter.ts).
 * One Lua script per count, so concurrent attempts on several instances never lose an increment; keys expire
 * with their window. If Redis is unreachable the limiter's call rejects and the sign-in fails closed (500),
 * never open.
 */
import type { Redis } from "ioredis";
import type { AttemptStore, AttemptWindow } from "../auth/rate-limiter";

const ADD = `
local v = redis.call('HMGET', KEYS[1], 'count', 'resetAt')
local now = tonumber(ARGV[2])
local count = tonumber(v[1])
local resetAt = tonumber(v[2])
if (not count) or (not resetAt) or resetAt <= now then
  count = 0
  resetAt = now + tonumber(ARGV[1])
end
count = count + 1
redis.call('HSET', KEYS[1], 'count', count, 'lastAt', now, 'resetAt', resetAt)
redis.call('PEXPIRE', KEYS[1], resetAt - now)
return {count, now, resetAt}
`;

export class RedisAttemptStore implements AttemptStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  private key(key: string): string {
    return `${this.keyPrefix}attempts:${key}`;
  }

  async get(key: string): Promise<AttemptWindow | null> {
    const [count, lastAt, resetAt] = await this.redis.hmget(this.key(key), "count", "lastAt", "resetAt");
    if (count === null || lastAt === null || resetAt === null || Number(resetAt) <= this.now()) return null;
    return { count: Number(count), lastAt: Number(lastAt), resetAt: Number(resetAt) };
  }

  async add(key: string, windowMs: number): Promise<AttemptWindow> {
    const [count, lastAt, resetAt] = (await this.redis.eval(ADD, 1, this.key(key), windowMs, this.now())) as number[];
    return { count: Number(count), lastAt: Number(lastAt), resetAt: Number(resetAt) };
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }
}
