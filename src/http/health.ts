/**
 * Health and readiness, and what every other route answers while Redis is
 * away. `/healthz` (liveness, for a supervisor): the process runs and reaches
 * Redis, else `ok: false` and 503. `/readyz` (readiness, for a load balancer
 * or orchestrator): take traffic now; 503 while Redis is away or the server is
 * stopping. Every other route answers 503 at once while Redis is away, with
 * an HTML page for browsers and a JSON body for the API (src/http/app.tsx).
 * Both also carry `workers` (how many run, when one was last seen, and a
 * `warning` when none runs) without changing their status: the server itself
 * is healthy and ready without a worker (it takes submissions and serves the
 * desk and the site), and restarting it or taking it out of a load balancer
 * would not start one; the warning is for monitoring to alert on.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { EVICTION_HINT } from '../store/redis-policy.ts';
import { HttpError } from './errors.ts';
import type { AppDeps, AppEnv } from './types.ts';
import { workerStatus } from './worker-status.ts';

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

/** The eviction policy while it lets Redis delete keys (and REDIS_ALLOW_EVICTION does not accept that), else null. */
export function evictingPolicy(deps: AppDeps): string | null {
  const { eviction } = deps.health;
  return eviction.evicting && !deps.config.redis.allowEviction ? eviction.policy : null;
}

/** `up`, `down`, or `evicting` (up, but Redis may delete LaySum's keys), with the policy when evicting. */
async function redisState(deps: AppDeps): Promise<{ ok: boolean; redis: string; policy?: string }> {
  if (!(await deps.health.redis.ping())) return { ok: false, redis: 'down' };
  const policy = evictingPolicy(deps);
  return policy ? { ok: false, redis: 'evicting', policy } : { ok: true, redis: 'up' };
}

/** Redis's state and, when the records are in PostgreSQL, whether it answers: ok only when both do. */
async function storeState(
  deps: AppDeps,
): Promise<{ ok: boolean; redis: string; policy?: string; database?: string }> {
  const db = deps.health.database;
  const [redis, dbUp] = await Promise.all([redisState(deps), db ? db.ping() : Promise.resolve(true)]);
  if (!db) return redis;
  const since = db.downSince;
  return {
    ...redis,
    ok: redis.ok && dbUp,
    database: dbUp ? 'up' : 'down',
    ...(since ? { databaseDownSince: since.toISOString() } : {}),
  };
}

export function healthRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/healthz', async (c) => {
    const { ok, ...state } = await storeState(deps);
    return c.json({ ok, ...state, ...downSince(deps), ...(await workersField(deps, ok)) }, ok ? 200 : 503);
  });
  app.get('/readyz', async (c) => {
    const { ok, ...state } = await storeState(deps);
    const ready = ok && !deps.health.stopping;
    if (!ready) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(
      {
        ready,
        ...state,
        stopping: deps.health.stopping,
        ...downSince(deps),
        ...(await workersField(deps, ok)),
      },
      ready ? 200 : 503,
    );
  });
}

/** What a request meets while the record store's PostgreSQL does not answer. */
export const databaseAway = (name: string) =>
  new HttpError(
    503,
    `LaySum cannot reach its record store (PostgreSQL at ${name}) right now, so papers and drafts can be neither read nor saved.`,
    'It reconnects by itself: try again in a few seconds. If this lasts, check that PostgreSQL is running (/healthz says since when it is away).',
    RETRY_AFTER_SECONDS,
  );

/**
 * An error from a store that could not be reached, as the 503 that says which:
 * PostgreSQL when it is configured and does not answer, else Redis; null for
 * any other error.
 */
export async function storeAway(deps: AppDeps, err: unknown): Promise<HttpError | null> {
  const db = deps.health.database;
  if (db && isPgConnectionError(err) && !(await db.ping())) return databaseAway(db.name);
  return isRedisUnavailable(err) ? redisAway() : null;
}

/** pg's errors for a server gone or going (connection refused or cut, shut down, admin shutdown). */
function isPgConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err ? String(err.code) : '';
  return (
    [
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
    ].includes(code) ||
    /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect/i.test(err.message)
  );
}

/** What a write meets while Redis may evict: nothing is saved that Redis could silently delete. */
export const redisEvicting = (policy: string) =>
  new HttpError(
    503,
    `Nothing can be saved right now: Redis's maxmemory-policy is "${policy}", so it may delete papers and drafts without a trace.`,
    `An administrator must set it back to "noeviction". ${EVICTION_HINT}`,
    RETRY_AFTER_SECONDS,
  );

/** The workers' presence, when Redis can be read (else the Redis problem says it all). */
async function workersField(deps: AppDeps, redisOk: boolean) {
  const presence = redisOk ? await workerStatus(deps) : null;
  if (!presence) return {};
  const { running, lastSeenAt, missingStages, warning } = presence;
  return { workers: { running, lastSeenAt, missingStages, ...(warning ? { warning } : {}) } };
}

function downSince(deps: AppDeps): { redisDownSince?: string } {
  const since = deps.health.redis.downSince;
  return since ? { redisDownSince: since.toISOString() } : {};
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * 503 at once while Redis is away, instead of a 500 per request; while it may
 * evict, reads go on but writes (other than signing in and out) are refused.
 */
export function whileRedisAway(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!deps.health.redis.up) throw redisAway();
    const policy = evictingPolicy(deps);
    if (policy && !READS.has(c.req.method) && !['/login', '/logout'].includes(c.req.path))
      throw redisEvicting(policy);
    await next();
  };
}

/** Every desk page says so on top while Redis may evict. */
export function evictionAlert(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const policy = evictingPolicy(deps);
    if (policy) {
      const { message, hint } = redisEvicting(policy);
      c.set('alert', { text: message, hint: hint ?? '' });
    }
    await next();
  };
}
