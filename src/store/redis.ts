/**
 * Redis connections. Workers need `maxRetriesPerRequest: null` (BullMQ
 * blocks on Redis); producers (CLI, HTTP) fail fast so a user hears about a
 * down Redis at once instead of a hang.
 */
import { Redis } from 'ioredis';
import { LaySumError } from '../errors/laysum-error.ts';

export type ConnectionRole = 'worker' | 'producer';

export function createRedis(url: string, role: ConnectionRole): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    ...(role === 'worker'
      ? { maxRetriesPerRequest: null }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: true,
          retryStrategy: (times) => (times > 3 ? null : 200 * times),
        }),
  });
  // Errors surface through the commands that fail; without a listener ioredis prints them raw.
  redis.on('error', () => {});
  return redis;
}

/** Ping Redis, turning a failure into an error that says what to do. */
export async function assertRedisReachable(redis: Redis, url: string): Promise<void> {
  try {
    await withTimeout(redis.ping(), 5000);
  } catch (err) {
    throw new LaySumError(`Cannot reach Redis at ${redactRedisUrl(url)}.`, {
      hint: 'Start Redis (e.g. `redis-server --daemonize yes`) or set REDIS_URL to a reachable server.',
      cause: err,
    });
  }
}

export function redactRedisUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Warn when Redis may evict keys (BullMQ and the review queue must never lose data). */
export async function checkRedisPolicy(redis: Redis): Promise<string[]> {
  const warnings: string[] = [];
  try {
    const policy = (await redis.config('GET', 'maxmemory-policy')) as string[];
    if (policy[1] && policy[1] !== 'noeviction') {
      warnings.push(
        `Redis maxmemory-policy is "${policy[1]}": set it to "noeviction" so queued papers are never evicted.`,
      );
    }
    const aof = (await redis.config('GET', 'appendonly')) as string[];
    if (aof[1] === 'no') {
      warnings.push(
        'Redis runs without the append-only file: a Redis restart loses papers and drafts. Enable `appendonly yes` in production.',
      );
    }
  } catch {
    // CONFIG may be disabled on managed Redis; nothing to check then.
  }
  return warnings;
}

/** Delete every key under a prefix (LaySum's and BullMQ's): for tests and benchmarks on a shared Redis. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (found.length) await redis.del(...found);
  } while (cursor !== '0');
}
