/**
 * Runs for the pipeline figures of `npm run bench` (./pipeline.ts): LaySum's
 * real workers, in this process, on the local Redis under a prefix of their
 * own, against the scripted OpenAI server answering at once; and the
 * yardstick, two chained no-op BullMQ queues on the same Redis. Each run
 * removes its keys afterwards.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { type Config, parseEnv } from '../src/config/env.ts';
import type { LaySummary } from '../src/domain/summary.ts';
import { submitPaper } from '../src/intake/submit.ts';
import { createLogger } from '../src/log/logger.ts';
import { createContext, redisOf } from '../src/runtime/context.ts';
import { deletePrefix } from '../src/store/redis.ts';
import type { RedisClient } from '../src/store/redis-client.ts';
import { startWorkers } from '../workers/run.ts';
import { BASE_SUMMARY } from './check-corpus.ts';
import type { ScriptedLlm } from './scripted-llm.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Jobs each stage works on at once, in LaySum (its default) and in the yardstick alike. */
export const CONCURRENCY = 4;

/**
 * The scripted model's reply to request `n`: the check corpora's plain summary
 * (under the reading target: no simplify call), numbered, so no two drafts are alike.
 */
export const benchSummary = (n: number): LaySummary => ({
  ...BASE_SUMMARY,
  takeaway: `${BASE_SUMMARY.takeaway} This is reply number ${n}.`,
});

/** Distinct pasted abstracts: the samples, each title and text marked with its copy number. */
export function benchTexts(count: number): string[] {
  const dir = new URL('../samples/abstracts/', import.meta.url);
  const samples = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  return Array.from({ length: count }, (_, i) => {
    const [title = '', ...rest] = (samples[i % samples.length] ?? '').split('\n');
    return `${title} (bench copy ${i})\n${rest.join('\n')}\nThis is copy ${i}.`;
  });
}

export function benchConfig(llm: Pick<ScriptedLlm, 'baseURL'>, env: Record<string, string> = {}): Config {
  return parseEnv({
    REDIS_URL,
    LAYSUM_PREFIX: `bench-${randomUUID().slice(0, 12)}`,
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: 'sk-bench',
    LOG_LEVEL: 'silent',
    INGEST_CONCURRENCY: String(CONCURRENCY),
    SUMMARIZE_CONCURRENCY: String(CONCURRENCY),
    ...env,
  });
}

export async function removePrefix(redis: RedisClient, prefix: string): Promise<void> {
  await deletePrefix(redis, prefix);
}

/** One job's times from BullMQ's own clock, in ms: waiting to be picked up, then running. */
export interface StageTimes {
  wait: number;
  run: number;
}

export interface LaySumRun {
  /** First submission to last draft, in seconds. */
  seconds: number;
  /** Submission to pending review, per paper, in ms. */
  latencies: number[];
  /** The same less the scripted model's HTTP round trips within it: LaySum's own time, per paper, in ms. */
  own: number[];
  /** Per stage, per job. */
  stages: { ingest: StageTimes[]; summarize: StageTimes[] };
  /** Each HTTP round trip to the scripted model (request sent to response headers), performance.now() ms. */
  llmCalls: { start: number; end: number }[];
}

/** Time `fetch` calls to `baseURL` while `run` runs (the OpenAI SDK takes the global fetch when it is built). */
async function timingFetch<T>(
  baseURL: string,
  calls: { start: number; end: number }[],
  run: () => Promise<T>,
): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(baseURL)) return original(input, init);
    const start = performance.now();
    const res = await original(input, init);
    calls.push({ start, end: performance.now() });
    return res;
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = original;
  }
}

/** How much of [from, to] the calls cover (they do not overlap one another when one paper is in flight). */
export function llmTimeWithin(calls: { start: number; end: number }[], from: number, to: number): number {
  return calls.reduce((sum, c) => sum + Math.max(0, Math.min(to, c.end) - Math.max(from, c.start)), 0);
}

export interface LaySumRunOptions {
  /** Submissions per second; absent: as fast as the submitter goes. */
  paced?: number;
  /** Called with the live Redis and prefix before the workers stop (memory figures). */
  before?: (redis: RedisClient, config: Config) => Promise<void>;
  /** Called once the workers are ready, before the first submission. */
  ready?: (redis: RedisClient, config: Config) => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Submit `texts` and wait for every draft; the workers run in this process. */
export function runLaySum(config: Config, texts: string[], opts: LaySumRunOptions = {}): Promise<LaySumRun> {
  const llmCalls: LaySumRun['llmCalls'] = [];
  return timingFetch(config.llm.baseURL ?? '', llmCalls, () => runWorkers(config, texts, opts, llmCalls));
}

async function runWorkers(
  config: Config,
  texts: string[],
  opts: LaySumRunOptions,
  llmCalls: LaySumRun['llmCalls'],
): Promise<LaySumRun> {
  const ctx = await createContext(config, 'worker');
  const drafted = new Map<string, number>();
  const stages: LaySumRun['stages'] = { ingest: [], summarize: [] };
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const handle = await startWorkers(ctx, {
    stages: ['ingest', 'summarize'],
    log: createLogger(config),
    onWorker: (w) => {
      const times = w.name === 'ingest' ? stages.ingest : w.name === 'summarize' ? stages.summarize : null;
      w.on('completed', (job) => {
        const { timestamp, processedOn = timestamp, finishedOn = processedOn } = job;
        times?.push({ wait: processedOn - timestamp, run: finishedOn - processedOn });
      });
      if (w.name !== 'summarize') return;
      w.on('completed', (job) => {
        drafted.set((job.data as { paperId: string }).paperId, performance.now());
        if (drafted.size === texts.length) allDone();
      });
    },
  });
  try {
    await opts.ready?.(redisOf(ctx), config);
    const submitted: { id: string; at: number }[] = [];
    const start = performance.now();
    for (const [i, text] of texts.entries()) {
      if (opts.paced) await sleep(start + (i * 1000) / opts.paced - performance.now());
      const at = performance.now();
      const { id } = await submitPaper(ctx, { kind: 'text', text }, { actor: 'bench' });
      submitted.push({ id, at });
    }
    await done;
    const seconds = (Math.max(...drafted.values()) - start) / 1000;
    const latencies = submitted.map((s) => (drafted.get(s.id) ?? Number.NaN) - s.at);
    const own = submitted.map(
      (s, i) => (latencies[i] ?? Number.NaN) - llmTimeWithin(llmCalls, s.at, drafted.get(s.id) ?? s.at),
    );
    await opts.before?.(redisOf(ctx), config);
    return { seconds, latencies, own, stages, llmCalls };
  } finally {
    await handle.close();
    await removePrefix(redisOf(ctx), config.redis.prefix);
    await ctx.close();
  }
}

/** The yardstick: `count` jobs through two chained no-op queues, as many at once as LaySum's stages. */
export async function runBullmq(count: number): Promise<number> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `bench-${randomUUID().slice(0, 12)}`;
  const first = new Queue('first', { connection, prefix });
  const second = new Queue('second', { connection, prefix });
  let finished = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const a = new Worker('first', async (job) => void (await second.add('b', job.data)), {
    connection,
    prefix,
    concurrency: CONCURRENCY,
  });
  const b = new Worker('second', async () => 'ok', { connection, prefix, concurrency: CONCURRENCY });
  b.on('completed', () => {
    if (++finished === count) allDone();
  });
  try {
    await Promise.all([a.waitUntilReady(), b.waitUntilReady()]);
    const start = performance.now();
    for (let i = 0; i < count; i++) await first.add('a', { i });
    await done;
    return (performance.now() - start) / 1000;
  } finally {
    await Promise.all([a.close(), b.close()]);
    await Promise.all([first.close(), second.close()]);
    await removePrefix(connection, prefix);
    await connection.quit();
  }
}
