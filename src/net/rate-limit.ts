/**
 * A rate limiter shared by every process that talks to one service (NCBI
 * allows 3 requests/s, 10 with an API key, per client across all workers).
 * The Redis-backed implementation lives in src/store/rate-limiter.ts.
 */
export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
}

/** A limiter that learns the service's limit from its `x-rate-limit-*` response headers (Crossref). */
export interface AdaptiveRateLimiter extends RateLimiter {
  observe(headers: Headers): void;
}

/** `x-rate-limit-limit: 50` + `x-rate-limit-interval: 1s` -> { max: 50, windowMs: 1000 }; null if absent or odd. */
export function parseRateLimitHeaders(headers: Headers): { max: number; windowMs: number } | null {
  const max = Number(headers.get('x-rate-limit-limit'));
  const interval = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(headers.get('x-rate-limit-interval') ?? '');
  if (!Number.isInteger(max) || max <= 0 || !interval) return null;
  const unit = interval[2] === 'ms' ? 1 : interval[2] === 'm' ? 60_000 : 1000;
  const windowMs = Number(interval[1]) * unit;
  return windowMs > 0 ? { max, windowMs } : null;
}
