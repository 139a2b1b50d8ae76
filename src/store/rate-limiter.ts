/**
 * A sliding-window rate limiter in Redis, shared by every worker process on
 * every machine (NCBI counts requests per client, not per process). Uses the
 * Redis server's clock so machines with skewed clocks agree.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type AdaptiveRateLimiter, parseRateLimitHeaders, type RateLimiter } from '../net/rate-limit.ts';
import { runScript, type Script } from './scripts.ts';

const source = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;
const SLIDING_WINDOW: Script = { source, sha: createHash('sha1').update(source).digest('hex') };

export function redisRateLimiter(redis: Redis, key: string, max: number, windowMs = 1000): RateLimiter {
  return {
    async acquire() {
      for (;;) {
        const wait = Number(
          await runScript(redis, SLIDING_WINDOW, [key], [max, windowMs, randomBytes(8).toString('hex')]),
        );
        if (wait === 0) return;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
  };
}

/**
 * A shared limiter whose limit follows what the service announces in its
 * `x-rate-limit-*` headers, starting from `initial` until the first answer.
 */
export function adaptiveRedisRateLimiter(
  redis: Redis,
  key: string,
  initial: { max: number; windowMs: number },
): AdaptiveRateLimiter {
  let current = initial;
  let limiter = redisRateLimiter(redis, key, current.max, current.windowMs);
  return {
    acquire: () => limiter.acquire(),
    observe(headers) {
      const announced = parseRateLimitHeaders(headers);
      if (!announced || (announced.max === current.max && announced.windowMs === current.windowMs)) return;
      current = announced;
      limiter = redisRateLimiter(redis, key, current.max, current.windowMs);
    },
  };
}
