/**
 * A Redis outage in the worker log: one line when Redis goes away and one
 * when it is back, not a stack trace per reconnect attempt per connection.
 * BullMQ and ioredis reconnect by themselves; workers resume on their own.
 * Errors that are not about the connection are logged as they come.
 */

import type { Logger } from '../src/log/logger.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
]);

/**
 * BullMQ's ways of saying a job's lock is gone: it could not be renewed, it is missing, or (after a
 * Redis restart from its append-only file, or a take-over) it holds another worker's token.
 */
const LOST_LOCK = /(?:could not renew lock for job|Missing lock for job|Lock mismatch for job) ([^\s.]+)/;

/** The job whose lock an error says was lost, else null. */
export function lostLockJob(message: string): string | null {
  return LOST_LOCK.exec(message)?.[1] ?? null;
}

export interface OutageLog {
  error(source: string, err: Error): void;
}

export function isConnectionError(err: Error): boolean {
  const code = Reflect.get(err, 'code');
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  // The last four are a Redis Cluster's ways of saying the same (ioredis Cluster, CLUSTERDOWN from a node).
  return /Connection is closed|connect ECONNREFUSED|Stream isn't writeable|Reached the max retries|Failed to refresh slots cache|None of startup nodes is available|Cluster isn't ready|CLUSTERDOWN/i.test(
    err.message,
  );
}

export function watchRedis(ctx: Context, log: Logger): OutageLog {
  let downSince: number | null = null;
  redisOf(ctx).on('ready', () => {
    if (downSince === null) return;
    const seconds = Math.round((Date.now() - downSince) / 1000);
    downSince = null;
    log.info(
      { redis: 'up', downSeconds: seconds },
      `Redis is reachable again (after ${seconds} s): workers resume.`,
    );
  });
  return {
    error(source, err) {
      const job = lostLockJob(err.message);
      if (job) {
        // The outage (or a stall) cost this job its lock: the queue gives it to a worker again.
        log.warn(
          { source, jobId: job, error: err.message },
          `${source}: job ${job} lost its lock while Redis was away or the worker was blocked; it will run again`,
        );
        return;
      }
      if (!isConnectionError(err)) {
        log.error({ source, err }, `${source} worker error: ${err.message}`);
        return;
      }
      if (downSince !== null) return;
      downSince = Date.now();
      const code = Reflect.get(err, 'code');
      log.error(
        { redis: 'down', code: typeof code === 'string' ? code : undefined },
        `Redis is unreachable (${typeof code === 'string' ? code : err.message}): workers wait and reconnect by themselves; jobs cut off now are retried.`,
      );
    },
  };
}
