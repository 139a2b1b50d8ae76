/** What the web app is built from, for a process context (the `serve` command and the demo). */
import type { AppDeps } from '../http/types.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import type { Context } from './context.ts';

/** The app's dependencies from a process context; request lines go to `log` (stderr at LOG_LEVEL by default). */
export function appDeps(ctx: Context, log: Logger = createLogger(ctx.config, { name: 'serve' })): AppDeps {
  return {
    config: ctx.config,
    store: ctx.store,
    enqueue: ctx.enqueue,
    queues: ctx.queues,
    users: ctx.users,
    sessions: ctx.sessions,
    watches: ctx.watches,
    webhooks: ctx.webhooks,
    log,
  };
}
