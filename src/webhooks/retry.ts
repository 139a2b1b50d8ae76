/**
 * How long a delivery keeps trying: exponential backoff from
 * WEBHOOK_BACKOFF_MS, each wait capped at WEBHOOK_MAX_BACKOFF_MS, until
 * WEBHOOK_GIVE_UP_AFTER_S has passed since the round's first attempt (or
 * WEBHOOK_ATTEMPTS attempts). With the defaults (10 s, 1 h, 24 h) a receiver
 * may be away for a day, and is tried at least hourly once it is back.
 */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  giveUpAfterMs: number;
}

/** The wait after attempt `attemptsMade` (1 = after the first), before jitter. */
export function retryDelay(policy: RetryPolicy, attemptsMade: number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  // 2^exponent overflows nothing below 2^1023; the cap keeps it sane long before.
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.min(exponent, 40));
}

/** The wait with ±20% jitter, so receivers coming back are not hit by every hook at once. */
export function jitteredDelay(policy: RetryPolicy, attemptsMade: number, random = Math.random()): number {
  return Math.round(retryDelay(policy, attemptsMade) * (0.8 + 0.4 * random));
}

/** True when attempt `attempt` must be the last: the cap is reached or the next try would come too late. */
export function isLastAttempt(
  policy: RetryPolicy,
  attempt: number,
  startedAtMs: number,
  now: number,
): boolean {
  if (attempt >= policy.attempts) return true;
  return now + retryDelay(policy, attempt) > startedAtMs + policy.giveUpAfterMs;
}

/** "24 h", "90 min", "45 s": the policy in words for the desk and the CLI. */
export function describeWindow(ms: number): string {
  if (ms >= 2 * 3_600_000) return `${Math.round(ms / 3_600_000)} h`;
  if (ms >= 2 * 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}
