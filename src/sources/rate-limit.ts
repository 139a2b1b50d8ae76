/**
 * A rate limiter shared by every process that talks to one service (NCBI
 * allows 3 requests/s, 10 with an API key, per client across all workers).
 * The Redis-backed implementation lives in src/store/rate-limiter.ts.
 */
export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
}

export const unlimited: RateLimiter = { acquire: async () => {} };
