import { LaySumError } from './laysum-error.ts';

/**
 * A transient failure (rate limit, server error, timeout, connection refused):
 * the queue retries later, as a delayed job; `retryAfterMs` is the server's
 * own advice (Retry-After) when it gave one, and the queue's backoff follows it.
 */
export class TransientError extends LaySumError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}
