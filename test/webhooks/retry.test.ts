/**
 * The retry schedule: exponential from WEBHOOK_BACKOFF_MS, capped at
 * WEBHOOK_MAX_BACKOFF_MS, given up once the next try would come later than
 * WEBHOOK_GIVE_UP_AFTER_S after the first, or at WEBHOOK_ATTEMPTS; with the
 * defaults a receiver may be away for most of a day.
 */
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { isLastAttempt, retryDelay } from '../../src/webhooks/retry.ts';

describe('webhook retries', () => {
  const policy = parseEnv({}).webhooks;

  it('back off exponentially up to an hour, and keep trying for a day by default', () => {
    expect([1, 2, 3].map((n) => retryDelay(policy, n))).toEqual([10_000, 20_000, 40_000]);
    expect(retryDelay(policy, 30)).toBe(3_600_000);
    let at = 0;
    let attempt = 1;
    while (!isLastAttempt(policy, attempt, 0, at)) at += retryDelay(policy, attempt++);
    expect(at).toBeGreaterThan(20 * 3_600_000);
    expect(at).toBeLessThanOrEqual(24 * 3_600_000);
    expect(attempt).toBeLessThan(policy.attempts);
  });

  it('stop at the attempt cap whatever the time', () => {
    expect(isLastAttempt({ ...policy, attempts: 3 }, 3, 0, 0)).toBe(true);
    expect(isLastAttempt({ ...policy, attempts: 3 }, 2, 0, 0)).toBe(false);
  });
});
