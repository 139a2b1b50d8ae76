/**
 * A sliding-window rate limiter in Redis, shared by every worker process on
 * every machine (NCBI counts requests per client, not per process). Uses the
 * Redis server's clock so machines with skewed clocks agree
 * (./lua/sliding-window.lua).
 */
import { randomBytes } from 'node:crypto';
import { type AdaptiveRateLimiter, parseRateLimitHeaders, type RateLimiter } from '../net/rate-limit.ts';
import { storeCommands } from './commands.ts';
import { keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

export function redisRateLimiter(redis: RedisClient, key: string, max: number, windowMs = 1000): RateLimiter {
  const scripts = storeCommands(redis);
  return {
    async acquire() {
      for (;;) {
        const wait = await scripts.laysumSlidingWindow(key, max, windowMs, randomBytes(8).toString('hex'));
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
  redis: RedisClient,
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

/** The key of the fleet-wide limiter named `name` (e.g. 'ncbi', 'crossref') under LaySum's prefix. */
export function rateLimitKey(prefix: string, name: string): string {
  return keys(prefix).rateLimit(name);
}
