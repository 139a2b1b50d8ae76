/**
 * The log lines of every stage's worker, attached in one place (run.ts): a
 * line when a job starts (debug) and one when it ends, with the paper (or
 * watch), job, stage, attempt and duration, and what happens next. The
 * retry decision is BullMQ's own: an UnrecoverableError, or the last of the
 * job's attempts, fails it for good; anything else is retried after backoff.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import { LaySumError } from '../src/errors/laysum-error.ts';
import type { Logger } from '../src/log/logger.ts';
import type { PipelineWorker } from './stage-worker.ts';

export function logJobs(worker: PipelineWorker, log: Logger): void {
  const stage = worker.name;
  worker.on('active', (job) => {
    const f = jobFields(stage, job, job.attemptsMade + 1);
    log.debug(f, `${headline(f)}: started (attempt ${f.attempt} of ${f.attempts})`);
  });
  worker.on('completed', (job, result) => {
    const f = {
      ...jobFields(stage, job, job.attemptsMade),
      durationMs: elapsed(job),
      result: String(result),
    };
    log.info(f, `${headline(f)}: ${f.result} (attempt ${f.attempt} of ${f.attempts}, ${f.durationMs} ms)`);
  });
  worker.on('failed', (job, err) => {
    if (!job) return log.error({ stage, err }, `${stage}: a job failed: ${firstLine(err.message)}`);
    const f = { ...jobFields(stage, job, job.attemptsMade), durationMs: elapsed(job), ...nextStep(job, err) };
    const unexpected = !(err instanceof LaySumError) && !isUnrecoverable(err);
    const line = `${headline(f)}: ${firstLine(err.message)} (attempt ${f.attempt} of ${f.attempts}, ${f.durationMs} ms): ${f.next}`;
    // A bug's stack is worth keeping; LaySum's own errors already say what went wrong.
    const fields = { ...f, error: err.message, ...(unexpected ? { err } : {}) };
    if (f.willRetry) log.warn(fields, line);
    else log.error(fields, line);
  });
  // Worker errors (a Redis outage above all) are logged by run.ts, once per outage (redis-outage.ts).
}

interface JobFields {
  stage: string;
  jobId: string | undefined;
  paperId?: string;
  version?: number;
  watchId?: string;
  attempt: number;
  attempts: number;
}

function jobFields(stage: string, job: Job, attempt: number): JobFields {
  const data: unknown = job.data;
  const field = (key: string): unknown =>
    typeof data === 'object' && data !== null ? Reflect.get(data, key) : undefined;
  const paperId = field('paperId');
  const version = field('version');
  const watchId = field('watchId');
  return {
    stage,
    jobId: job.id,
    ...(typeof paperId === 'string' ? { paperId } : {}),
    ...(typeof version === 'number' ? { version } : {}),
    ...(typeof watchId === 'string' ? { watchId } : {}),
    attempt,
    attempts: job.opts.attempts ?? 1,
  };
}

/** "summarize p1a2b3c4d5e6", "poll w9f8e7": what a person looks for first. */
function headline(f: JobFields): string {
  return `${f.stage} ${f.paperId ?? f.watchId ?? f.jobId ?? ''}`;
}

/** BullMQ's rule (Job.shouldRetryJob), read after the attempt was counted. */
function nextStep(job: Job, err: Error): { willRetry: boolean; retryInMs?: number; next: string } {
  const attempts = job.opts.attempts ?? 1;
  if (/stalled more than allowable limit/.test(err.message))
    return {
      willRetry: false,
      next: 'failed for good: interrupted twice (its worker stopped during the job); the paper is marked failed, `laysum retry` it',
    };
  if (isUnrecoverable(err)) return { willRetry: false, next: 'failed for good (no retry)' };
  if (job.attemptsMade >= attempts)
    return { willRetry: false, next: `failed for good (all ${attempts} attempts used)` };
  const retryInMs = job.delay;
  return {
    willRetry: true,
    retryInMs,
    next: `will retry in ${retryInMs} ms (attempt ${job.attemptsMade + 1} of ${attempts})`,
  };
}

function isUnrecoverable(err: Error): boolean {
  return err instanceof UnrecoverableError || err.name === 'UnrecoverableError';
}

/** Since the attempt started: BullMQ sets processedOn whenever a worker takes the job. */
function elapsed(job: Job): number {
  return Date.now() - (job.processedOn ?? Date.now());
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
