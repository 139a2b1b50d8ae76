/**
 * The composition root: builds what every process needs from the config,
 * once (the Redis connection, the paper, watch, webhook, user and session stores, the
 * queues). The papers live in PostgreSQL when DATABASE_URL is set (./store/pg/open.ts:
 * migrations run here, under a lock), in Redis otherwise. CLI commands, workers and the HTTP server start from here; the
 * heavier parts (summarizer, source clients, web app) are built by their own
 * modules in this folder from a context, so a command loads only what it uses.
 * The connection itself is not on the context: commands and use cases reach
 * Redis only through the stores; this folder and workers/ (which hand it to
 * BullMQ and the rate limiters) take it with `redisOf`.
 */
import type { Config } from '../config/env.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { Watches } from '../domain/ports/watches.ts';
import type { Webhooks } from '../domain/ports/webhooks.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { closeQueues, createQueues, enqueuer, type Queues } from '../queue/queues.ts';
import { FleetStatus } from '../store/fleet.ts';
import { PaperStore } from '../store/papers.ts';
import type { DatabaseHealth } from '../store/pg/health.ts';
import { openPgRecords, type PgRecords } from '../store/pg/open.ts';
import { assertRedisReachable, type ConnectionRole, createRedis } from '../store/redis.ts';
import type { RedisClient } from '../store/redis-client.ts';
import { RedisSessions } from '../store/user-sessions.ts';
import { RedisUsers } from '../store/users.ts';
import { WatchStore } from '../store/watches.ts';
import { WebhookStore } from '../store/webhooks.ts';
import { redisWorkerHeartbeats, type WorkerHeartbeats } from '../store/worker-heartbeats.ts';
import { SessionStore } from '../users/sessions.ts';
import { UserStore } from '../users/store.ts';

export interface Context {
  config: Config;
  store: Papers;
  watches: Watches;
  webhooks: Webhooks;
  users: UserStore;
  sessions: SessionStore;
  /** LLM ledger, pauses, learned output modes, Redis policy. */
  fleet: FleetStatus;
  /** Which worker processes are alive (their heartbeats), for `status`, `submit`, the desk and /healthz. */
  workers: WorkerHeartbeats;
  queues: Queues;
  enqueue: Enqueuer;
  /** The record store's PostgreSQL, when DATABASE_URL is set (for /healthz and the error page). */
  database: DatabaseHealth | null;
  close(): Promise<void>;
}

export async function createContext(config: Config, role: ConnectionRole = 'producer'): Promise<Context> {
  const redis = createRedis(config.redis, role);
  try {
    await assertRedisReachable(redis, config.redis.url);
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const prefix = config.redis.prefix;
  let records: PgRecords | null = null;
  if (config.database.url) {
    try {
      records = await openPgRecords(config.database.url, prefix, redis);
    } catch (err) {
      redis.disconnect();
      throw err;
    }
  }
  const queues = createQueues(redis, config);
  const ctx: Context = {
    config,
    store: records ? records.store : new PaperStore(redis, prefix),
    watches: new WatchStore(redis, prefix),
    webhooks: new WebhookStore(redis, prefix),
    users: new UserStore(new RedisUsers(redis, prefix)),
    sessions: new SessionStore(new RedisSessions(redis, prefix)),
    fleet: new FleetStatus(redis, config),
    workers: redisWorkerHeartbeats(redis, prefix),
    queues,
    enqueue: enqueuer(queues, config),
    database: records?.health ?? null,
    async close() {
      await closeQueues(queues);
      await records?.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
  connections.set(ctx, redis);
  return ctx;
}

const connections = new WeakMap<Context, RedisClient>();

/** The context's Redis connection: for the composition root and the workers only (BullMQ, rate limiters, health). */
export function redisOf(ctx: Context): RedisClient {
  const found = connections.get(ctx);
  if (!found) throw new Error('redisOf: this context was not made by createContext');
  return found;
}
