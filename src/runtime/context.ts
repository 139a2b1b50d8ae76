/**
 * The composition root: builds what every process needs from the config,
 * once (the Redis connection, the paper, watch, webhook, user and session stores, the
 * queues). CLI commands, workers and the HTTP server start from here; the
 * heavier parts (summarizer, source clients, web app) are built by their own
 * modules in this folder from a context, so a command loads only what it uses.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { closeQueues, createQueues, enqueuer, type Queues } from '../queue/queues.ts';
import { PaperStore } from '../store/papers.ts';
import { assertRedisReachable, type ConnectionRole, createRedis } from '../store/redis.ts';
import { WatchStore } from '../store/watches.ts';
import { WebhookStore } from '../store/webhooks.ts';
import { SessionStore } from '../users/sessions.ts';
import { UserStore } from '../users/store.ts';

export interface Context {
  config: Config;
  redis: Redis;
  store: PaperStore;
  watches: WatchStore;
  webhooks: WebhookStore;
  users: UserStore;
  sessions: SessionStore;
  queues: Queues;
  enqueue: Enqueuer;
  close(): Promise<void>;
}

export async function createContext(config: Config, role: ConnectionRole = 'producer'): Promise<Context> {
  const redis = createRedis(config.redis.url, role);
  try {
    await assertRedisReachable(redis, config.redis.url);
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const queues = createQueues(redis, config);
  const prefix = config.redis.prefix;
  return {
    config,
    redis,
    store: new PaperStore(redis, prefix),
    watches: new WatchStore(redis, prefix),
    webhooks: new WebhookStore(redis, prefix),
    users: new UserStore(redis, prefix),
    sessions: new SessionStore(redis, prefix),
    queues,
    enqueue: enqueuer(queues, config),
    async close() {
      await closeQueues(queues);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
