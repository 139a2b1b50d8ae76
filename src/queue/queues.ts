/**
 * BullMQ wiring: one queue per stage, all under the LaySum prefix, with the
 * retry policy in one place.
 */
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import { keys } from '../store/keys.ts';
import { type Enqueuer, JOB_NAMES, type JobName, type JobPayload, JobPayloads, jobIdFor } from './jobs.ts';

export type Queues = Record<JobName, Queue>;

export function createQueues(connection: Redis, config: Config): Queues {
  const prefix = keys(config.redis.prefix).bullPrefix;
  const entries = JOB_NAMES.map((name) => [name, new Queue(name, { connection, prefix })] as const);
  return Object.fromEntries(entries) as Queues;
}

export function jobOptions(name: JobName, config: Config): JobsOptions {
  return {
    attempts: name === 'summarize' ? config.llm.attempts : config.sources.httpAttempts,
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
): Promise<void> {
  const payload = JobPayloads[name].parse(data);
  const jobId = jobIdFor(name, data);
  // A finished job with the same id would make add() a silent no-op (e.g. `laysum retry`): clear it first.
  const previous = await queues[name].getJob(jobId);
  if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) await previous.remove();
  await queues[name].add(name, payload, { ...jobOptions(name, config), jobId });
}

export function enqueuer(queues: Queues, config: Config): Enqueuer {
  return {
    ingest: (paperId) => enqueue(queues, config, 'ingest', { paperId }),
    summarize: (paperId, version) => enqueue(queues, config, 'summarize', { paperId, version }),
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
      name === 'poll'
        ? q.getJobCounts('waiting', 'active', 'prioritized')
        : q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
    ),
  );
  return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
