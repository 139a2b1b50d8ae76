/**
 * Is a worker running? From the workers' heartbeats (src/store/worker-heartbeats.ts),
 * for /healthz, /readyz and the desk's notice. Null when Redis cannot be read:
 * the Redis problem is what to report then.
 */
import type { MiddlewareHandler } from 'hono';
import { type WorkerPresence, workerPresence } from '../domain/worker-presence.ts';
import type { AppDeps, AppEnv } from './types.ts';

export async function workerStatus(deps: AppDeps): Promise<WorkerPresence | null> {
  try {
    const { workers, now } = await deps.health.workers.seen();
    return workerPresence(workers, now, deps.config.workers.heartbeatMs);
  } catch {
    return null;
  }
}

/** Desk pages where a missing worker matters (the queue, submitting, a paper): they say so on top. */
export const WORKER_NOTICE_PATHS = ['/desk', '/desk/mine', '/desk/submit', '/desk/batch', '/desk/papers/*'];

export function workerNotice(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' && c.get('user'))
      c.set('workerWarning', (await workerStatus(deps))?.warning ?? null);
    await next();
  };
}
