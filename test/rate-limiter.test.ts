/**
 * NCBI's limit is per client, not per process: two "workers" with their own
 * Redis connections share one limiter, and no one-second window ever holds
 * more than the allowed requests.
 */
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { redisRateLimiter } from '../src/store/rate-limiter.ts';
import { REDIS_URL, testPrefix } from './support/harness.ts';

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
