/**
 * Integration harness: real workers on the real Redis (127.0.0.1:6379 or
 * REDIS_URL), each test under its own LAYSUM_PREFIX, every key removed after.
 */

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { type Config, parseEnv } from '../../src/config/env.ts';
import type { Paper } from '../../src/domain/paper.ts';
import type { PaperState } from '../../src/domain/state.ts';
import type { SubmitRequest } from '../../src/domain/submission.ts';
import { submitPaper } from '../../src/intake/submit.ts';
import { createLogger } from '../../src/log/logger.ts';
import { type Context, createContext, redisOf } from '../../src/runtime/context.ts';
import { dropPrefixSchema } from '../../src/store/pg/migrate.ts';
import { deletePrefix } from '../../src/store/redis.ts';
import type { RedisClient } from '../../src/store/redis-client.ts';
import { type StartOptions, startWorkers, type WorkerHandle } from '../../workers/run.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Set: the end-to-end suites keep their records in PostgreSQL (DATABASE_URL), a schema per test prefix. */
export const TEST_DATABASE_URL = process.env.LAYSUM_TEST_DATABASE_URL || undefined;

export function testPrefix(): string {
  return `test-${randomUUID().slice(0, 12)}`;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return parseEnv({
    REDIS_URL,
    LAYSUM_PREFIX: testPrefix(),
    LLM_PROVIDER: 'extractive',
    LLM_BACKOFF_MS: '50',
    LLM_ATTEMPTS: '4',
    SHUTDOWN_TIMEOUT_MS: '3000',
    HTTP_TIMEOUT_MS: '3000',
    // In-process workers would write their log lines into the test output; tests that read logs capture them.
    LOG_LEVEL: 'silent',
    // The tests' feeds and webhook receivers are local servers on 127.0.0.1, which LaySum refuses by default.
    FETCH_ALLOW_PRIVATE: '127.0.0.1',
    ...(TEST_DATABASE_URL ? { DATABASE_URL: TEST_DATABASE_URL } : {}),
    ...env,
  });
}

export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

export interface Pipeline {
  config: Config;
  ctx: Context;
  workers: WorkerHandle | null;
  start(options?: Partial<StartOptions>): Promise<WorkerHandle>;
  submit(req: SubmitRequest): Promise<string>;
  waitFor(id: string, states: PaperState[], timeoutMs?: number): Promise<Paper>;
  cleanup(): Promise<void>;
}

/** Delete every key under a test's prefix (LaySum's and BullMQ's), and its PostgreSQL schema when the records live there. */
export async function removePrefix(redis: RedisClient, prefix: string): Promise<void> {
  await deletePrefix(redis, prefix);
  if (TEST_DATABASE_URL) await dropPrefixSchema(TEST_DATABASE_URL, prefix);
}

/** The same, on a connection of its own (for tests that only run CLI processes). */
export async function removeTestKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    await removePrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
}

export async function createPipeline(env: Record<string, string> = {}): Promise<Pipeline> {
  const config = testConfig(env);
  const ctx = await createContext(config, 'worker');
  const p: Pipeline = {
    config,
    ctx,
    workers: null,
    async start(options) {
      p.workers = await startWorkers(ctx, { log: createLogger(config, { name: 'worker' }), ...options });
      return p.workers;
    },
    async submit(req) {
      return (await submitPaper(ctx, req, { actor: 'test' })).id;
    },
    async waitFor(id, states, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const paper = await ctx.store.require(id);
        if (states.includes(paper.state)) return paper;
        if (Date.now() > until)
          throw new Error(
            `paper ${id} is ${paper.state} (${paper.reason ?? ''}), expected ${states.join('|')}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async cleanup() {
      await p.workers?.close();
      await removePrefix(redisOf(ctx), config.redis.prefix);
      await ctx.close();
    },
  };
  return p;
}

export const fractureText = () => fixture('abstracts/pmid-30158200.txt');
