import { LaySumError } from './laysum-error.ts';

/**
 * The LLM may not be called now: the provider answered 429 (`reason:
 * 'rate_limit'`) or today's budget is spent (`'budget'`). Not a failure of
 * the paper: the worker hands the job back to the queue, paused for `waitMs`,
 * without using one of its attempts (workers/stage-worker.ts).
 */
export class RateLimitedError extends LaySumError {
  readonly waitMs: number;
  readonly reason: 'rate_limit' | 'budget';
  constructor(
    message: string,
    options: { waitMs: number; reason: 'rate_limit' | 'budget'; hint?: string; cause?: unknown },
  ) {
    super(message, options);
    this.waitMs = Math.max(1, Math.round(options.waitMs));
    this.reason = options.reason;
  }
}
