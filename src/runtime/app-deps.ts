/** What the web app is built from, for a process context (the `serve` command and the demo). */
import type { Config } from '../config/env.ts';
import type { AppDeps, Logger } from '../http/types.ts';
import type { Context } from './context.ts';

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Request and error lines on stderr, at or above the configured LOG_LEVEL. */
export function stderrLogger(config: Config): Logger {
  const min = LEVELS.indexOf(config.log.level);
  return (level, line) => {
    if (LEVELS.indexOf(level) >= min) process.stderr.write(`${new Date().toISOString()} ${level} ${line}\n`);
  };
}

/** The app's dependencies from a process context (the `serve` command). */
export function appDeps(ctx: Context, log: Logger = stderrLogger(ctx.config)): AppDeps {
  return {
    config: ctx.config,
    store: ctx.store,
    enqueue: ctx.enqueue,
    queues: ctx.queues,
    users: ctx.users,
    sessions: ctx.sessions,
    log,
  };
}
