/**
 * Health and readiness, and what every other route answers while Redis is
 * away. `/healthz` (liveness, for a supervisor): the process runs and reaches
 * Redis, else `ok: false` and 503. `/readyz` (readiness, for a load balancer
 * or orchestrator): take traffic now; 503 while Redis is away or the server is
 * stopping. Every other route answers 503 at once while Redis is away, with
 * an HTML page for browsers and a JSON body for the API (src/http/app.tsx).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { HttpError } from './errors.ts';
import type { AppDeps, AppEnv } from './types.ts';

export const RETRY_AFTER_SECONDS = 5;

export const redisAway = () =>
  new HttpError(
    503,
    'LaySum cannot reach its database (Redis) right now, so nothing can be read or saved.',
    `It reconnects by itself: try again in a few seconds. If this lasts, check that Redis is running (the server log says since when it is away).`,
    RETRY_AFTER_SECONDS,
  );

/** An error from a command that met a closed or reconnecting Redis connection. */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|enableOfflineQueue|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(
      err.message,
    )
  );
}

export function healthRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/healthz', async (c) => {
    const redis = await deps.health.redis.ping();
    return c.json({ ok: redis, redis: redis ? 'up' : 'down', ...downSince(deps) }, redis ? 200 : 503);
  });
  app.get('/readyz', async (c) => {
    const redis = await deps.health.redis.ping();
    const ready = redis && !deps.health.stopping;
    if (!ready) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(
      { ready, redis: redis ? 'up' : 'down', stopping: deps.health.stopping, ...downSince(deps) },
      ready ? 200 : 503,
    );
  });
}

function downSince(deps: AppDeps): { redisDownSince?: string } {
  const since = deps.health.redis.downSince;
  return since ? { redisDownSince: since.toISOString() } : {};
}

/** 503 at once while Redis is away, instead of a 500 per request. */
export function whileRedisAway(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (!deps.health.redis.up) throw redisAway();
    await next();
  };
}
