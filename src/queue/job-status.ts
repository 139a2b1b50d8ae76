/**
 * What the queue knows about a paper still in flight: which stage holds it,
 * how many attempts it has used, the last error, and when it tries again.
 * Shown by `laysum status` so an operator can tell "waiting out a 429" from "stuck".
 */
import type { Paper } from '../domain/paper.ts';
import { isRedisClient } from '../store/redis-client.ts';
import { jobIdFor } from './jobs.ts';
import type { Queues } from './queues.ts';
import { stalledIntervalMs } from './takeover.ts';

export interface JobStatus {
  stage: 'ingest' | 'summarize';
  jobState: string;
  attemptsMade: number;
  attempts: number;
  lastError: string | null;
  /** When a delayed job (backoff) runs next, ISO time. */
  nextAttemptAt: string | null;
  /** An active job whose worker stopped renewing its lock (it died): when another worker takes it, at the latest. */
  workerLostResumeBy: string | null;
}

export async function jobStatus(
  queues: Queues,
  paper: Pick<Paper, 'id' | 'state' | 'draftCount'>,
  lockMs: number,
): Promise<JobStatus | null> {
  const stage =
    paper.state === 'summarizing'
      ? 'summarize'
      : paper.state === 'queued' || paper.state === 'ingesting'
        ? 'ingest'
        : null;
  if (!stage) return null;
  const jobId =
    stage === 'ingest'
      ? jobIdFor('ingest', { paperId: paper.id })
      : jobIdFor('summarize', { paperId: paper.id, version: paper.draftCount + 1 });
  // State first: BullMQ moves a job to delayed and counts the attempt in one script, so a job
  // read after its state is never staler than the state (read the other way, a retry in between
  // shows a delayed job with the attempt not yet counted).
  const jobState = await queues[stage].getJobState(jobId);
  const job = jobState === 'unknown' ? undefined : await queues[stage].getJob(jobId);
  if (!job) return null;
  return {
    stage,
    jobState,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    lastError: job.failedReason ? (job.failedReason.split('\n')[0] ?? null) : null,
    nextAttemptAt: jobState === 'delayed' ? await delayedUntil(queues[stage], jobId) : null,
    workerLostResumeBy: jobState === 'active' ? await lostWorker(queues[stage], jobId, lockMs) : null,
  };
}

/**
 * A live worker renews its job's lock every half lock, so the lock's time
 * left stays above half of JOB_LOCK_MS. Gone, or below a quarter: the worker
 * is dead, and the stalled-job check hands the job on once the lock expires
 * (src/queue/takeover.ts). Returns when that happens at the latest.
 */
async function lostWorker(
  queue: Queues[keyof Queues],
  jobId: string,
  lockMs: number,
): Promise<string | null> {
  const client = queue.opts.connection;
  if (!isRedisClient(client)) return null;
  const left = await client.pttl(`${queue.toKey(jobId)}:lock`);
  if (left >= lockMs / 4) return null;
  return new Date(Date.now() + Math.max(0, left) + stalledIntervalMs(lockMs)).toISOString();
}

/**
 * When a delayed job runs: its score in the delayed set (the time, shifted by
 * 12 bits for ordering). Not job.timestamp + job.delay: a retry keeps the
 * job's creation time, so that sum is in the past for a job retried later
 * (e.g. waiting out a source's Retry-After).
 */
async function delayedUntil(queue: Queues[keyof Queues], jobId: string): Promise<string | null> {
  const client = queue.opts.connection;
  const key = queue.keys.delayed;
  if (!isRedisClient(client) || !key) return null;
  const score = await client.zscore(key, jobId);
  return score === null ? null : new Date(Math.floor(Number(score) / 0x1000)).toISOString();
}

export function describeJobStatus(s: JobStatus): string {
  const attempt = `${s.stage} job ${s.jobState}, attempt ${Math.min(s.attemptsMade + 1, s.attempts)} of ${s.attempts}`;
  const next = s.nextAttemptAt ? `, next try at ${s.nextAttemptAt.replace('T', ' ').slice(0, 19)}` : '';
  const lost = s.workerLostResumeBy
    ? `\nworker lost (it stopped renewing the job's lock), will resume at ${s.workerLostResumeBy.replace('T', ' ').slice(0, 19)} at the latest on another worker`
    : '';
  return `${attempt}${next}${lost}${s.lastError ? `\nlast error: ${s.lastError}` : ''}`;
}
