/**
 * Handing a job back on shutdown: when the worker is closing and the grace
 * period is over, run.ts cancels the active jobs (worker.cancelAllJobs); the
 * processor stops waiting for its stage and moves the job back to waiting
 * (its lock released, no attempt used), so another worker takes it at once.
 * The abandoned attempt may still finish in the background until the process
 * exits: the stages are idempotent (a draft version is written once).
 * A paused worker (Redis evicting: ./eviction-guard.ts) hands back, untouched,
 * a job it took anyway: BullMQ 6 still moves a job to active when a blocking
 * wait, already in flight at `pause()`, wakes up afterwards.
 */
import { type Job, WaitingError } from 'bullmq';
import { stalledIntervalMs } from '../src/queue/takeover.ts';
import type { Context } from '../src/runtime/context.ts';

const ABORTED = Symbol('aborted');

/** The work's result, or the job handed back (throws WaitingError) if `signal` fires first. */
export async function orHandBack<T>(
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
  work: Promise<T>,
): Promise<T> {
  if (!signal) return work;
  let onAbort = () => {};
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  let outcome: T | typeof ABORTED;
  try {
    outcome = await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (outcome !== ABORTED) return outcome;
  work.catch(() => {}); // its job is back in the queue: the abandoned attempt's outcome no longer matters
  // If Redis is away this fails: the lock then expires and the stalled-job check hands the job back.
  await job.moveToWait(token).catch(() => {});
  throw new WaitingError();
}

/** Back to waiting, lock released, nothing done: the worker takes it again on resume. */
export async function handBackUntouched(job: Job, token: string | undefined): Promise<never> {
  // If Redis is away this fails: the lock then expires and the stalled-job check hands the job back.
  await job.moveToWait(token).catch(() => {});
  throw new WaitingError();
}

/**
 * The lock and the stalled-job check, both from JOB_LOCK_MS (src/queue/takeover.ts):
 * a job whose worker died (kill -9) goes back to waiting within 1.25 x JOB_LOCK_MS.
 */
export function lockOptions(ctx: Pick<Context, 'config'>): { lockDuration: number; stalledInterval: number } {
  const ms = ctx.config.workers.jobLockMs;
  return { lockDuration: ms, stalledInterval: stalledIntervalMs(ms) };
}
