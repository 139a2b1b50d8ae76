/**
 * Whether the server's Redis connection is up, from ioredis's own events, with
 * one log line when it goes down and one when it is back (not a stack trace
 * per request). The server answers 503 while it is down and its health checks
 * say so; ioredis keeps reconnecting by itself (./redis.ts, role `server`).
 * On a Redis Cluster a master down is an outage too, found by asking every
 * master every 2 s.
 */
import type { Logger } from '../log/logger.ts';
import { redactRedisUrl } from './redis.ts';
import { everyMasterAnswers, isCluster, type RedisClient } from './redis-client.ts';

/** How often a server on a Redis Cluster asks every master whether the cluster is ok. */
const CLUSTER_CHECK_MS = 2000;

export interface RedisHealth {
  /** The connection is ready for commands. */
  readonly up: boolean;
  /** When it went down (null while up). */
  readonly downSince: Date | null;
  /** Up and answering a PING within `timeoutMs` (on a cluster: every master). */
  ping(timeoutMs?: number): Promise<boolean>;
}

export function watchRedis(redis: RedisClient, log: Logger, url: string): RedisHealth {
  let up = redis.status === 'ready';
  let downSince: Date | null = up ? null : new Date();
  const where = redactRedisUrl(url);
  const down = (err?: Error) => {
    if (!up) return;
    up = false;
    downSince = new Date();
    const why = err ? `: ${err.message}` : ' (connection closed)';
    log.warn(
      { redis: 'down', url: where },
      `Redis at ${where} is unreachable${why}. Requests are answered 503 until it is back; reconnecting by itself.`,
    );
  };
  redis.on('error', down);
  // A close is an outage only if ioredis goes on to reconnect: after our own quit() (the server
  // or the demo stopping) the status ends as 'end' in the same turn, and nothing is logged.
  redis.on('close', () =>
    setImmediate(() => {
      if (redis.status !== 'end') down();
    }),
  );
  // A cluster stays connected while one master is down, but refuses every key (CLUSTERDOWN): that is an outage too.
  let clusterOk = true;
  const back = () => {
    if (up || !clusterOk) return;
    up = true;
    const downMs = downSince ? Date.now() - downSince.getTime() : 0;
    downSince = null;
    log.info(
      { redis: 'up', url: where, downMs },
      `Redis at ${where} is back after ${(downMs / 1000).toFixed(1)} s: serving again.`,
    );
  };
  redis.on('ready', back);
  if (isCluster(redis)) {
    const timer = setInterval(async () => {
      if (redis.status !== 'ready') return;
      const ok = await everyMasterAnswers(redis).catch(() => false);
      if (ok === clusterOk) return;
      clusterOk = ok;
      if (!ok) down(new Error('a master is down or the cluster is not ok (CLUSTER INFO: cluster_state)'));
      else back();
    }, CLUSTER_CHECK_MS);
    timer.unref();
    redis.once('end', () => clearInterval(timer));
  }
  return {
    get up() {
      return up;
    },
    get downSince() {
      return downSince;
    },
    async ping(timeoutMs = 1000) {
      if (!up) return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([everyMasterAnswers(redis), late]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
