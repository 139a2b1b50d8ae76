/** What the HTTP layer knows about a request once it is identified, and what it is built from. */
import type { Config } from '../config/env.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import type { Queues } from '../queue/queues.ts';
import type { Context } from '../runtime/context.ts';
import type { PaperStore } from '../store/papers.ts';
import type { Session } from '../users/sessions.ts';
import { SessionStore } from '../users/sessions.ts';
import type { StoredUser } from '../users/store.ts';
import { UserStore } from '../users/store.ts';

export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, line: string) => void;

export interface AppDeps {
  config: Config;
  store: PaperStore;
  enqueue: Enqueuer;
  /** The BullMQ queues, for the admin dashboard. */
  queues: Queues;
  users: UserStore;
  sessions: SessionStore;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    user: StoredUser | null;
    /** The web session, when the caller came with the session cookie. */
    session: Session | null;
    /** How the caller proved who they are. */
    via: 'bearer' | 'cookie' | null;
    secureHeadersNonce?: string;
  };
}

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Request and error lines on stderr, at or above the configured LOG_LEVEL. */
export function stderrLogger(config: Config): Logger {
  const min = LEVELS.indexOf(config.logLevel);
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
    users: new UserStore(ctx.redis, ctx.config.redis.prefix),
    sessions: new SessionStore(ctx.redis, ctx.config.redis.prefix),
    log,
  };
}
