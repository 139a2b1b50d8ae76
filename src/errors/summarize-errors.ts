import { LaySumError } from './laysum-error.ts';

/**
 * The summarizer gave up for good on this paper (refusal, invalid output after
 * repairs, auth or bad request). Retrying cannot fix it: the paper is marked
 * failed with this message.
 */
export class SummaryFailedError extends LaySumError {
  readonly rawOutput: string | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown; rawOutput?: string } = {}) {
    super(message, options);
    this.rawOutput = options.rawOutput;
  }
}

/**
 * A transient failure (rate limit, server error, timeout, connection refused):
 * the queue retries later; `retryAfterMs` is the server's own advice when it gave one.
 */
export class TransientError extends LaySumError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}
