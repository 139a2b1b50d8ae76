/**
 * Retry or give up: decided here, once, for every stage. A TransientError
 * (rate limit, server error, timeout) and any unexpected error go back to the
 * queue as a delayed job until the attempts run out; a PermanentError (and
 * LaySum's other errors, which describe input or a state a retry does not
 * change) marks the paper failed at once. A failed paper keeps a failure
 * record: the stage, the reason and, from the summarizer, what the model
 * returned, with the configured secrets redacted.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import type { Config } from '../config/env.ts';
import { FAILURE_REPLY_MAX_CHARS, type FailureRecord } from '../domain/failure.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { TRANSITIONS } from '../domain/transitions.ts';
import { describeError, describeGivenUp } from '../errors/describe.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { PermanentError } from '../errors/permanent-error.ts';
import { redactError, redactSecrets } from '../errors/redact.ts';
import { SummaryFailedError } from '../errors/summary-failed-error.ts';
import { TransientError } from '../errors/transient-error.ts';

export interface FailureDeps {
  store: Papers;
  config: Config;
}

/** Whether another attempt may succeed. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof TransientError) return true;
  if (err instanceof PermanentError) return false;
  return !(err instanceof LaySumError);
}

/** The error to hand BullMQ: the original to retry it, or an UnrecoverableError once the paper is failed. */
export async function handleStageError(
  err: unknown,
  job: Pick<Job, 'attemptsMade' | 'opts'>,
  deps: FailureDeps,
  paperId: string,
  stage: string,
): Promise<Error> {
  const attempts = job.opts.attempts ?? 1;
  const retryable = isRetryable(err);
  const secrets = [deps.config.llm.apiKey, deps.config.sources.ncbiApiKey];
  // BullMQ stores the message and stack of every failed attempt in Redis: redact them first.
  if (retryable && job.attemptsMade + 1 < attempts)
    return redactError(err instanceof Error ? err : new Error(String(err)), secrets);
  const reason = redactSecrets(
    retryable
      ? `${stage} gave up after ${attempts} attempt(s): ${describeGivenUp(err)}\n  Run \`laysum retry ${paperId}\` once the problem is fixed.`
      : describeError(err),
    secrets,
  );
  await failPaper(deps, paperId, failureRecord(err, stage, reason, secrets));
  return redactError(new UnrecoverableError(reason), secrets);
}

function failureRecord(
  err: unknown,
  stage: string,
  reason: string,
  secrets: ReadonlyArray<string | undefined>,
): FailureRecord {
  const record = { stage, reason, at: new Date().toISOString() };
  if (!(err instanceof SummaryFailedError))
    return { ...record, reply: null, usage: null, finishReason: null };
  const reply = err.rawReply === null ? null : bounded(redactSecrets(err.rawReply, secrets));
  return { ...record, reply, usage: err.usage, finishReason: err.finishReason };
}

function bounded(text: string): string {
  if (text.length <= FAILURE_REPLY_MAX_CHARS) return text;
  return `${text.slice(0, FAILURE_REPLY_MAX_CHARS)}\n[… cut: the reply had ${text.length} characters]`;
}

/** Mark a paper in flight failed; false when it moved on (e.g. a reviewer acted) or is gone. */
export async function failPaper(
  deps: Pick<FailureDeps, 'store'>,
  paperId: string,
  failure: Omit<FailureRecord, 'reply' | 'usage' | 'finishReason'> & Partial<FailureRecord>,
): Promise<boolean> {
  const record: FailureRecord = { reply: null, usage: null, finishReason: null, ...failure };
  try {
    await deps.store.transition(paperId, {
      ...TRANSITIONS.fail,
      actor: record.stage,
      reason: record.reason,
      note: record.reason,
      failure: record,
    });
    return true;
  } catch {
    // The paper moved on (e.g. a reviewer acted) or is gone: nothing to mark.
    return false;
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
