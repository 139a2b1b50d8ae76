/**
 * Workers stop taking jobs while Redis may evict (maxmemory-policy not
 * `noeviction`, read from INFO at start, on every reconnect and every
 * REDIS_POLICY_CHECK_MS; src/store/redis-policy.ts), and take them again
 * once it is `noeviction`: a job started on an evicting Redis can lose its
 * paper, its draft or itself. Active jobs finish. REDIS_ALLOW_EVICTION=true
 * keeps working, with the warning.
 */
import type { Logger } from '../src/log/logger.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import {
  EVICTION_HINT,
  type EvictionWatch,
  evictionProblem,
  watchEviction,
} from '../src/store/redis-policy.ts';
import type { PipelineWorker } from './stage-worker.ts';

export async function guardEviction(
  ctx: Context,
  workers: PipelineWorker[],
  log: Logger,
): Promise<EvictionWatch> {
  const allowed = ctx.config.redis.allowEviction;
  const watch = watchEviction(redisOf(ctx), {
    intervalMs: ctx.config.redis.policyCheckMs,
    onChange: (s) => {
      if (s.evicting && s.policy) {
        if (allowed)
          return log.warn(`DANGER: ${evictionProblem(s.policy)} Working on (REDIS_ALLOW_EVICTION=true).`);
        log.error(
          { redis: 'evicting', policy: s.policy },
          `${evictionProblem(s.policy)} Workers take no new jobs until it is "noeviction" (active jobs finish). ${EVICTION_HINT}`,
        );
        for (const w of workers) void w.pause(true).catch(() => {});
      } else {
        log.info({ redis: 'noeviction' }, 'Redis maxmemory-policy is "noeviction" again: taking jobs again.');
        for (const w of workers) if (w.isPaused()) void w.resume();
      }
    },
  });
  await watch.check();
  return watch;
}
