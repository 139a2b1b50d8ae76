/**
 * Redis connections. Workers need `maxRetriesPerRequest: null` (BullMQ
 * blocks on Redis); one-shot producers (CLI commands) fail fast so a user
 * hears about a down Redis at once instead of a hang; the server's connection
 * never stops reconnecting (a Redis restart must not need a server restart)
 * but refuses commands while it is down, so a request is answered 503 at
 * once instead of waiting. A Redis Cluster (config `redis.cluster`) gets an
 * ioredis `Cluster` with the same policy per role.
 */
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/env.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import { keys } from './keys.ts';
import { everyMasterAnswers, isCluster, mastersOf, type RedisClient } from './redis-client.ts';
import { evictionProblem, isEvicting, readRedisPolicy } from './redis-policy.ts';

export type ConnectionRole = 'worker' | 'producer' | 'server';

/** Reconnect every 0.2 s, 0.4 s, ... up to every 2 s, for ever. */
export const reconnectForEver = (times: number): number => Math.min(200 * times, 2000);

const giveUpAfterThree = (times: number): number | null => (times > 3 ? null : 200 * times);

const ROLE_OPTIONS: Record<ConnectionRole, RedisOptions> = {
  worker: { maxRetriesPerRequest: null },
  producer: {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: giveUpAfterThree,
  },
  // lazyConnect: the offline queue is off, so commands wait for connect() (assertRedisReachable).
  server: {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: reconnectForEver,
  },
};

/** The same policy for a cluster: the retry and offline queue apply to the cluster, the rest to each node. */
const CLUSTER_OPTIONS: Record<ConnectionRole, ClusterOptions> = {
  worker: { clusterRetryStrategy: reconnectForEver, redisOptions: { maxRetriesPerRequest: null } },
  producer: {
    enableOfflineQueue: true,
    clusterRetryStrategy: giveUpAfterThree,
    redisOptions: { maxRetriesPerRequest: 1 },
  },
  server: {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: reconnectForEver,
    redisOptions: { maxRetriesPerRequest: 1 },
  },
};

export function createRedis(
  target: Pick<Config['redis'], 'url' | 'cluster'>,
  role: ConnectionRole,
): RedisClient {
  const redis = target.cluster ? createCluster(target.cluster, role) : createServer(target.url, role);
  // Errors surface through the commands that fail; without a listener ioredis prints them raw.
  redis.on('error', () => {});
  return redis;
}

function createServer(url: string, role: ConnectionRole): Redis {
  return new Redis(url, { lazyConnect: false, ...ROLE_OPTIONS[role] });
}

function createCluster(cluster: NonNullable<Config['redis']['cluster']>, role: ConnectionRole): Cluster {
  const options = CLUSTER_OPTIONS[role];
  return new Cluster(cluster.nodes, {
    lazyConnect: false,
    ...options,
    redisOptions: {
      ...options.redisOptions,
      username: cluster.username,
      password: cluster.password,
      ...(cluster.tls ? { tls: {} } : {}),
    },
  });
}

/** Ping Redis, turning a failure into an error that says what to do. */
export async function assertRedisReachable(redis: RedisClient, url: string): Promise<void> {
  try {
    if (redis.status === 'wait') await withTimeout(redis.connect(), 5000);
    await withTimeout(redis.ping(), 5000);
    // A cluster answers a PING from any node: every master must answer for every key to be reachable.
    if (isCluster(redis) && !(await withTimeout(everyMasterAnswers(redis), 5000)))
      throw new Error(
        'a master of the cluster did not answer, or the cluster is not ok (CLUSTER INFO: cluster_state)',
      );
  } catch (err) {
    if (isCluster(redis))
      throw new LaySumError(`Cannot reach the Redis Cluster at ${redactRedisUrl(url)}.`, {
        hint: 'Check that the nodes in REDIS_CLUSTER_NODES (or the redis+cluster:// REDIS_URL) answer and that `redis-cli -h HOST -p PORT cluster info` says cluster_state:ok.',
        cause: err,
      });
    throw new LaySumError(`Cannot reach Redis at ${redactRedisUrl(url)}.`, {
      hint: 'Start Redis (e.g. `redis-server --daemonize yes`) or set REDIS_URL to a reachable server.',
      cause: err,
    });
  }
}

export const redactRedisUrl = redactUrlCredentials;

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

/**
 * Refuse an evicting Redis (it silently drops queued papers and their jobs)
 * unless REDIS_ALLOW_EVICTION says to go on; returns the warnings to log:
 * the override, or no append-only file. The policy comes from INFO
 * (./redis-policy.ts), which managed services that disable CONFIG still answer.
 */
export async function checkRedisPolicy(
  redis: RedisClient,
  options: { allowEviction: boolean },
): Promise<string[]> {
  const warnings: string[] = [];
  const { policy, aof } = await readRedisPolicy(redis);
  if (policy === null)
    warnings.push(
      'Could not read Redis\'s maxmemory-policy (INFO memory does not say). Make sure it is "noeviction", or queued papers may be evicted and lost.',
    );
  if (policy && isEvicting(policy)) {
    if (!options.allowEviction)
      throw new LaySumError(`Refusing to start: ${evictionProblem(policy)}`, {
        hint: 'Run `redis-cli CONFIG SET maxmemory-policy noeviction` (on a Redis Cluster, on every master) and put `maxmemory-policy noeviction` in redis.conf, or set REDIS_ALLOW_EVICTION=true to start anyway.',
      });
    warnings.push(
      `DANGER: ${evictionProblem(policy)} Starting anyway because REDIS_ALLOW_EVICTION=true. Set maxmemory-policy to "noeviction".`,
    );
  }
  if (aof === false) {
    warnings.push(
      'Redis runs without the append-only file: a Redis restart loses papers and drafts. Enable `appendonly yes` in production.',
    );
  }
  return warnings;
}

/**
 * Delete every key under a prefix (LaySum's and BullMQ's): for tests and
 * benchmarks on a shared Redis. On a cluster each master is scanned, and its
 * keys deleted one by one (a DEL of several keys must stay in one slot).
 */
export async function deletePrefix(redis: RedisClient, prefix: string): Promise<void> {
  const cluster = isCluster(redis);
  for (const node of mastersOf(redis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (!found.length) continue;
      if (!cluster) await node.del(...found);
      else await found.reduce((p, key) => p.del(key), node.pipeline()).exec();
    } while (cursor !== '0');
  }
}

/** BullMQ's key prefix under LaySum's: the queues and their workers are given it. */
export function queueKeyPrefix(prefix: string): string {
  return keys(prefix).bullPrefix;
}
