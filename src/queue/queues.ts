/**
 * BullMQ wiring: one queue per stage, all under the LaySum prefix, with the
 * retry policy in one place. Each queue is typed by its job name and payload
 * (src/queue/jobs.ts), so adding a job with the wrong payload does not compile.
 */
import { type JobsOptions, Queue } from 'bullmq';
import type { Config } from '../config/env.ts';
import { queueKeyPrefix } from '../store/redis.ts';
import type { RedisClient } from '../store/redis-client.ts';
import { type Enqueuer, type JobName, type JobPayload, jobIdFor, parsePayload } from './jobs.ts';

/** The queue of one job name: its jobs carry that name and payload and return a one-line summary. */
// The data, result and name types are given outright (not derived by bullmq) so they stay exact for a generic N.
export type StageQueue<N extends JobName> = Queue<JobPayload<N>, string, N, JobPayload<N>, string, N>;
export type Queues = { [N in JobName]: StageQueue<N> };

/** The connection each set of queues was made with: the sweep and a drain read job keys on it directly. */
const connections = new WeakMap<Queues, RedisClient>();

/** BullMQ's key prefix, under LaySum's: what a Worker for these queues is given too. */
export const queuePrefix = (config: Config): string => queueKeyPrefix(config.redis.prefix);

export function createQueues(connection: RedisClient, config: Config): Queues {
  const prefix = queuePrefix(config);
  const queue = <N extends JobName>(name: N): StageQueue<N> => new Queue(name, { connection, prefix });
  const queues: Queues = {
    ingest: queue('ingest'),
    summarize: queue('summarize'),
    poll: queue('poll'),
    webhook: queue('webhook'),
  };
  connections.set(queues, connection);
  return queues;
}

/** The connection the queues were made with (their workers share it). */
export function queueConnection(queues: Queues): RedisClient {
  const found = connections.get(queues);
  if (!found) throw new Error('queueConnection: these queues were not made by createQueues');
  return found;
}

export function jobOptions(name: JobName, config: Config): JobsOptions {
  if (name === 'webhook') {
    return {
      attempts: config.webhooks.attempts,
      // The waits come from src/webhooks/retry.ts (the webhook worker's backoffStrategy).
      backoff: { type: 'webhook' },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
    };
  }
  return {
    // A poll records its own failure and tries again at the next scheduled run.
    attempts:
      name === 'summarize' ? config.llm.attempts : name === 'ingest' ? config.sources.httpAttempts : 1,
    backoff: { type: 'laysum' },
    removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

export async function enqueue<N extends JobName>(
  queues: Queues,
  config: Config,
  name: N,
  data: JobPayload<N>,
  opts: { fresh?: boolean; priority?: number } = {},
): Promise<void> {
  const parsed = parsePayload(name, data);
  if (!parsed.success) throw parsed.error;
  const payload = parsed.data;
  const jobId = jobIdFor(name, data);
  // A finished job with the same id would make add() a silent no-op (e.g. `laysum retry`): clear it first.
  const previous = opts.fresh ? undefined : await queues[name].getJob(jobId);
  if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) await previous.remove();
  const priority = opts.priority ? { priority: opts.priority } : {};
  await queues[name].add(name, payload, { ...jobOptions(name, config), jobId, ...priority });
}

/**
 * Queue a webhook delivery (the head of its paper's line). A finished job with
 * the same id is cleared first, as for the stages: the delivery record
 * (src/store/webhooks.ts) is what says whether it still owes an attempt, and
 * the worker skips one already delivered.
 */
export async function enqueueDelivery(
  queues: Queues,
  config: Config,
  hookId: string,
  deliveryId: string,
  round = 0,
): Promise<void> {
  const data = { hookId, deliveryId, round };
  const jobId = jobIdFor('webhook', data);
  const previous = await queues.webhook.getJob(jobId);
  if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) await previous.remove();
  await queues.webhook.add('webhook', data, { ...jobOptions('webhook', config), jobId });
}

export function enqueuer(queues: Queues, config: Config): Enqueuer {
  return {
    ingest: (paperId, opts) => enqueue(queues, config, 'ingest', { paperId }, opts),
    summarize: (paperId, version, opts) => enqueue(queues, config, 'summarize', { paperId, version }, opts),
  };
}

/**
 * Jobs still owed work across all queues (waiting, active, delayed for a
 * retry, ...). A poll queue's delayed jobs are the watches' future schedule,
 * not owed work, so they do not count.
 */
export async function pendingJobs(queues: Queues): Promise<number> {
  const counts = await Promise.all(
    Object.entries(queues).map(([name, q]) =>
      // Webhook retries waiting out their backoff are the receivers' business, not the pipeline's.
      name === 'poll' || name === 'webhook'
        ? q.getJobCounts('waiting', 'active', 'prioritized')
        : q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
    ),
  );
  return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

/** A pipeline job that waits to run later (a long Retry-After, a long backoff). */
export interface LaterJob {
  stage: 'ingest' | 'summarize';
  paperId: string | null;
  /** When it is due (ms since the epoch). */
  dueAt: number;
}

/** A drain waits for retries due within this long; later ones (an hour-long Retry-After) it reports and leaves. */
export const DRAIN_HORIZON_MS = 60_000;

/** BullMQ keeps a delayed job in a sorted set scored `due * 0x1000 + a counter`. */
const DELAY_SCORE = 0x1000;

/** Ingest and summarize jobs not due within `horizonMs`: what a drain leaves for later, soonest first. */
export async function jobsDueLater(queues: Queues, horizonMs: number, now = Date.now()): Promise<LaterJob[]> {
  const redis = queueConnection(queues);
  const later: LaterJob[] = [];
  for (const stage of ['ingest', 'summarize'] as const) {
    const q = queues[stage];
    const min = (now + horizonMs) * DELAY_SCORE;
    const found = await redis.zrangebyscore(
      q.keys.delayed ?? `${q.qualifiedName}:delayed`,
      `(${min}`,
      '+inf',
      'WITHSCORES',
    );
    for (let i = 0; i < found.length; i += 2) {
      const id = found[i] ?? '';
      const job = await q.getJob(id);
      const paperId = job && typeof job.data.paperId === 'string' ? job.data.paperId : null;
      later.push({ stage, paperId, dueAt: Math.floor(Number(found[i + 1]) / DELAY_SCORE) });
    }
  }
  return later.sort((a, b) => a.dueAt - b.dueAt);
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
