/** What the web app is built from, for a process context (the `serve` command and the demo). */
import type { AppDeps } from '../http/types.ts';
import type { Logger } from '../log/logger.ts';
import { livePulses } from '../store/live-pulse.ts';
import { watchRedis } from '../store/redis-health.ts';
import { EVICTION_HINT, evictionProblem, watchEviction } from '../store/redis-policy.ts';
import { signInCounters } from '../store/sign-in-counters.ts';
import { type Context, redisOf } from './context.ts';

/** The app's dependencies from a process context; request lines go to `log` (stderr at LOG_LEVEL by default). */
export function appDeps(ctx: Context, log: Logger): AppDeps {
  // The queues re-emit their connection's errors (BullMQ prints them raw with no listener): the
  // health watcher already logs an outage once, when it starts and when it ends.
  for (const queue of Object.values(ctx.queues)) queue.on('error', () => {});
  return {
    config: ctx.config,
    store: ctx.store,
    enqueue: ctx.enqueue,
    queues: ctx.queues,
    users: ctx.users,
    sessions: ctx.sessions,
    watches: ctx.watches,
    webhooks: ctx.webhooks,
    fleet: ctx.fleet,
    signInCounters: signInCounters(redisOf(ctx), ctx.config.redis.prefix, ctx.config.http.signIn),
    log,
    livePulse: livePulses(redisOf(ctx), ctx.config.redis.prefix, ctx.store),
    health: {
      redis: watchRedis(redisOf(ctx), log, ctx.config.redis.url),
      eviction: watchServerEviction(ctx, log),
      stopping: false,
      workers: ctx.workers,
      database: ctx.database,
    },
  };
}

/** The policy, read now, on every reconnect and every REDIS_POLICY_CHECK_MS; one log line per change. */
function watchServerEviction(ctx: Context, log: Logger) {
  const watch = watchEviction(redisOf(ctx), {
    intervalMs: ctx.config.redis.policyCheckMs,
    onChange: (s) => {
      if (s.evicting && s.policy)
        log.error(
          { redis: 'evicting', policy: s.policy },
          `${evictionProblem(s.policy)} Saving is refused (503) and /healthz says so until it is "noeviction". ${EVICTION_HINT}`,
        );
      else log.info({ redis: 'noeviction' }, 'Redis maxmemory-policy is "noeviction" again: saving again.');
    },
  });
  void watch.check();
  return watch;
}
