/**
 * A BullMQ worker for one pipeline stage: parse the payload on arrival, run
 * the stage, and let src/queue/failure.ts decide between retry and failed.
 * A job that ends without that decision (BullMQ fails a job that stalled
 * more than once, without running the processor) still leaves its paper
 * failed with the reason: the 'failed' listener settles it (src/queue/sweep.ts).
 * A RateLimitedError (a 429, a spent budget) is not a failure: the queue is
 * paused for the time it asks (`worker.rateLimit`) and the job goes back to
 * waiting with no attempt used (`Worker.RateLimitError`).
 * A job taken while the worker is paused (Redis evicting: ./eviction-guard.ts)
 * is handed back untouched: BullMQ 6 still moves a job to active when its
 * blocking wait, already in flight at `pause()`, wakes up afterwards.
 */
import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { RateLimitedError } from '../src/errors/rate-limited-error.ts';
import type { Logger } from '../src/log/logger.ts';
import { backoffDelay, handleStageError } from '../src/queue/failure.ts';
import { type JobName, type JobPayload, parsePayload } from '../src/queue/jobs.ts';
import { queuePrefix } from '../src/queue/queues.ts';
import { sweepPaper } from '../src/queue/sweep.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import { UsageLedger } from '../src/store/llm-usage.ts';
import { handBackUntouched, lockOptions, orHandBack } from './hand-back.ts';

/** The worker of one queue, typed by its job name and payload (src/queue/jobs.ts). */
export type StageWorker<N extends JobName> = Worker<JobPayload<N>, string, N>;
/** A worker of any of the pipeline's queues. */
export type PipelineWorker = { [N in JobName]: StageWorker<N> }[JobName];

type StageName = 'ingest' | 'summarize';

/** BullMQ honours `worker.rateLimit()` only on a queue with a limiter; this one never limits by itself. */
const PAUSABLE = { max: 1_000_000, duration: 1000 };
/**
 * Seconds a worker blocks waiting for a job. BullMQ 6 puts a rate-limited job
 * that has a priority (every paper's job does: src/domain/paper.ts
 * `queuePriority`) back without waking the workers, so after a pause they
 * would sleep out the whole default 5 s before taking it again.
 */
const DRAIN_DELAY_S = 1;

export function createStageWorker<N extends StageName>(
  ctx: Context,
  name: N,
  opts: { concurrency: number; backoffMs: number; log: Logger; pausable?: boolean },
  run: (data: JobPayload<N>) => Promise<string>,
): StageWorker<N> {
  const ledger = new UsageLedger(redisOf(ctx), ctx.config.redis.prefix);
  const onPause = pauseLog(opts.log);
  const worker: StageWorker<N> = new Worker<JobPayload<N>, string, N>(
    name,
    async (job, token, signal) => {
      if (worker.isPaused()) return handBackUntouched(job, token);
      const parsed = parsePayload(name, job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid ${name} payload: ${parsed.error.message}`);
      const data = parsed.data;
      const started = performance.now();
      try {
        const result = await orHandBack(job, token, signal, run(data));
        await ledger.observe('job_duration', name, (performance.now() - started) / 1000);
        return result;
      } catch (err) {
        if (err instanceof WaitingError) throw err; // handed back on shutdown
        if (err instanceof RateLimitedError && opts.pausable) {
          onPause(err);
          await worker.rateLimit(err.waitMs);
          throw Worker.RateLimitError();
        }
        const handed = await handleStageError(err, job, ctx, data.paperId, name);
        if (handed instanceof UnrecoverableError) await ledger.failed(name, failureKind(err));
        throw handed;
      }
    },
    {
      connection: redisOf(ctx),
      prefix: queuePrefix(ctx.config),
      ...lockOptions(ctx),
      concurrency: opts.concurrency,
      settings: { backoffStrategy: backoffDelay(opts.backoffMs) },
      ...(opts.pausable ? { limiter: PAUSABLE, drainDelay: DRAIN_DELAY_S } : {}),
    },
  );
  worker.on('failed', (job) => {
    if (job && isFinal(job)) void settle(ctx, job);
  });
  return worker;
}

/** Failed for good: no retry is coming (BullMQ sets finishedOn only then). */
function isFinal(job: Job): boolean {
  return job.finishedOn !== undefined;
}

async function settle(ctx: Context, job: Job): Promise<void> {
  const data: unknown = job.data;
  const paperId = typeof data === 'object' && data !== null ? Reflect.get(data, 'paperId') : undefined;
  if (typeof paperId !== 'string') return;
  // Redis may be away: the next sweep settles the paper then.
  await sweepPaper(ctx, paperId).catch(() => {});
}

/** The error's class ("SummaryFailedError", "TransientError"), for the failures-by-reason metric. */
function failureKind(err: unknown): string {
  return err instanceof Error ? err.name : 'Error';
}

/** One warning per pause and reason, not one per job handed back. */
function pauseLog(log: Logger): (err: RateLimitedError) => void {
  const quietUntil = new Map<string, number>();
  return (err) => {
    if ((quietUntil.get(err.reason) ?? 0) > Date.now()) return;
    quietUntil.set(err.reason, Date.now() + Math.max(err.waitMs, 30_000));
    log.warn(
      { reason: err.reason, waitMs: err.waitMs },
      `summarize paused for ${err.waitMs} ms: ${err.message}`,
    );
  };
}
