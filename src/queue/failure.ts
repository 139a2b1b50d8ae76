/**
 * Retry or give up: decided here, once, for every stage. Transient errors
 * (rate limits, server errors, timeouts) go back to the queue with backoff
 * until the attempts run out; everything a retry cannot fix marks the paper
 * failed with a reason a person can act on, and stops.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import { describeError } from '../errors/describe.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { TransientError } from '../errors/summarize-errors.ts';
import type { PaperStore } from '../store/papers.ts';

export async function handleStageError(
  err: unknown,
  job: Job,
  store: PaperStore,
  paperId: string,
  stage: string,
): Promise<Error> {
  const attempts = job.opts.attempts ?? 1;
  const lastAttempt = job.attemptsMade + 1 >= attempts;
  const transient = err instanceof TransientError || !(err instanceof LaySumError);
  if (transient && !lastAttempt) return err instanceof Error ? err : new Error(String(err));
  const reason = transient
    ? `${stage} gave up after ${attempts} attempt(s): ${describeError(err)}\n  Run \`laysum retry ${paperId}\` once the problem is fixed.`
    : describeError(err);
  await markFailed(store, paperId, stage, reason);
  return new UnrecoverableError(reason);
}

async function markFailed(store: PaperStore, paperId: string, stage: string, reason: string): Promise<void> {
  try {
    await store.transition(paperId, {
      from: ['queued', 'ingesting', 'summarizing'],
      to: 'failed',
      actor: stage,
      action: 'failed',
      reason,
      note: reason,
    });
  } catch {
    // The paper moved on (e.g. a reviewer acted) or is gone: nothing to mark.
  }
}

/** Backoff for the 'laysum' type: the server's Retry-After when it gave one, else exponential with jitter. */
export function backoffDelay(baseMs: number) {
  return (attemptsMade: number, _type?: string, err?: Error): number => {
    if (err instanceof TransientError && err.retryAfterMs !== undefined)
      return Math.max(err.retryAfterMs, 100);
    const exp = baseMs * 2 ** Math.max(0, attemptsMade - 1);
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  };
}
