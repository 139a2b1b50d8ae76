/**
 * NCBI's limit is per client, not per process: two "workers" with their own
 * Redis connections share one limiter, and no one-second window ever holds
 * more than the allowed requests.
 */
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { parseRateLimitHeaders } from '../../src/net/rate-limit.ts';
import { adaptiveRedisRateLimiter, redisRateLimiter } from '../../src/store/rate-limiter.ts';
import { REDIS_URL, testPrefix } from '../support/harness.ts';

const key = `${testPrefix()}:ratelimit:ncbi`;
const a = new Redis(REDIS_URL);
const b = new Redis(REDIS_URL);

afterAll(async () => {
  await a.del(key);
  await a.quit();
  await b.quit();
});

it('lets at most 3 requests a second through, across workers', async () => {
  const workers = [redisRateLimiter(a, key, 3), redisRateLimiter(b, key, 3)];
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      await workers[i % 2]?.acquire();
      times.push(Date.now());
    }),
  );
  times.sort((x, y) => x - y);
  expect(times).toHaveLength(8);
  for (let i = 0; i + 3 < times.length; i++) {
    // Any 4 consecutive grants span at least (almost) a full window.
    expect((times[i + 3] ?? 0) - (times[i] ?? 0)).toBeGreaterThanOrEqual(950);
  }
});

it('reads Crossref-style x-rate-limit headers', () => {
  const h = (limit: string, interval: string) =>
    new Headers({ 'x-rate-limit-limit': limit, 'x-rate-limit-interval': interval });
  expect(parseRateLimitHeaders(h('50', '1s'))).toEqual({ max: 50, windowMs: 1000 });
  expect(parseRateLimitHeaders(h('10', '2'))).toEqual({ max: 10, windowMs: 2000 });
  expect(parseRateLimitHeaders(h('0', '1s'))).toBeNull();
  expect(parseRateLimitHeaders(new Headers())).toBeNull();
});

it('follows the limit a service announces', async () => {
  const adaptiveKey = `${key}:adaptive`;
  const limiter = adaptiveRedisRateLimiter(a, adaptiveKey, { max: 50, windowMs: 1000 });
  limiter.observe(new Headers({ 'x-rate-limit-limit': '2', 'x-rate-limit-interval': '1s' }));
  // Timed from before the first call: the window opens when Redis records it, never earlier, so a
  // late return of that first call on a loaded machine cannot shorten what is measured.
  const started = Date.now();
  for (let i = 0; i < 3; i++) await limiter.acquire();
  const third = Date.now();
  await a.del(adaptiveKey);
  expect(third - started).toBeGreaterThanOrEqual(950);
});
