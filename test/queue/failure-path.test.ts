/**
 * Retry or give up, decided once: transient and unexpected errors retry (the
 * backoff follows the server's Retry-After, however long), permanent ones do
 * not; and a request itself waits at most about a second.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { SummaryFailedError } from '../../src/errors/summary-failed-error.ts';
import { TransientError } from '../../src/errors/transient-error.ts';
import { httpRequest } from '../../src/net/http.ts';
import { backoffDelay, isRetryable } from '../../src/queue/failure.ts';
import { startServer } from '../support/http-server.ts';

describe('the retry decision', () => {
  it('retries transient and unexpected errors, never permanent ones', () => {
    const noReply = { rawReply: null, usage: null, finishReason: null };
    expect(isRetryable(new TransientError('HTTP 503'))).toBe(true);
    expect(isRetryable(new Error('ECONNRESET'))).toBe(true);
    expect(isRetryable(new PermanentError('PMID 1 was not found in PubMed.'))).toBe(false);
    expect(isRetryable(new SummaryFailedError('refused', noReply))).toBe(false);
    expect(isRetryable(new InputError('not a DOI'))).toBe(false);
  });

  it('waits as long as the server asked, as a delayed job', () => {
    const delay = backoffDelay(1000);
    expect(delay(1, 'laysum', new TransientError('429', { retryAfterMs: 3_600_000 }))).toBe(3_600_000);
    expect(delay(3, 'laysum', new TransientError('503'))).toBeGreaterThanOrEqual(3200);
  });
});

describe('a request', () => {
  it('retries a refused connection once, within a second, then leaves it to the queue', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    let attempts = 0;
    const started = Date.now();
    const err = await httpRequest(
      { url: `${closed.url}/x`, service: 'Crossref', beforeAttempt: async () => void attempts++ },
      { timeoutMs: 2000, retryDelayMs: 5000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as Error).message).toMatch(
      /Crossref is unavailable: could not connect \(ECONNREFUSED\) after 2/,
    );
    expect(attempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(4000); // the 5 s asked for is capped at 1 s
  });
});
