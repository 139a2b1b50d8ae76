/**
 * The composition root: builds everything a process needs from the config,
 * once (Redis connections, store, queues, summarizer, source resolvers).
 * CLI commands, workers and the HTTP server start from here.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import type { Resolvers } from '../ingest/resolvers.ts';
import { createResolvers } from '../ingest/wire.ts';
import { createLlmClient } from '../llm/client.ts';
import { loadPrompt } from '../llm/prompt.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { closeQueues, createQueues, enqueuer, type Queues } from '../queue/queues.ts';
import { PaperStore } from '../store/papers.ts';
import { assertRedisReachable, type ConnectionRole, createRedis } from '../store/redis.ts';
import { createExtractiveSummarizer } from '../summarize/extractive-summarizer.ts';
import { createOpenAiSummarizer } from '../summarize/openai-summarizer.ts';
import type { Summarizer } from '../summarize/types.ts';

export interface Context {
  config: Config;
  redis: Redis;
  store: PaperStore;
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
  return {
    config,
    redis,
    store: new PaperStore(redis, config.redis.prefix),
    queues,
    enqueue: enqueuer(queues, config),
    async close() {
      await closeQueues(queues);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export function createSummarizer(config: Config): Summarizer {
  if (config.llm.provider === 'extractive') return createExtractiveSummarizer();
  return createOpenAiSummarizer(
    createLlmClient(config.llm),
    config.llm,
    loadPrompt('summarize'),
    config.limits.fullTextBudgetChars,
  );
}

export function createSourceResolvers(ctx: Context): Resolvers {
  return createResolvers(ctx.config, ctx.redis);
}
