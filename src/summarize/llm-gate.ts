/**
 * What an LLM call asks of the fleet before and after it goes out, without
 * knowing Redis or the queue: wait for the shared limits (RPM, TPM, calls in
 * flight, a 429 pause, the daily budget), settle the token estimate with the
 * reply's `usage`, pause everyone after a 429, record calls, tokens, cost and
 * latency, and answer from the cache. The Redis implementation is
 * src/store/llm-gate.ts; `openGate` (no limits, no cache) is for runs without one.
 */
import type { Usage } from '../domain/draft.ts';

export interface LlmTicket {
  id: string;
  estimate: number;
}

export type LlmOutcome = 'ok' | 'rate_limited' | 'error' | 'cache_hit';

export interface LlmEvent {
  model: string;
  outcome: LlmOutcome;
  usage: Usage | null;
  costUsd: number;
  latencyMs: number;
}

export interface LlmGate {
  /** Resolves when the call may go; throws RateLimitedError while the fleet is paused or over budget. */
  acquire(estimatedTokens: number): Promise<LlmTicket>;
  /** The call is over: free its slot and count its real tokens (the estimate when unknown). */
  settle(ticket: LlmTicket, actualTokens: number | null): Promise<void>;
  /** The provider answered 429: no call from any worker for `ms`. */
  pause(ms: number, message: string): Promise<void>;
  record(event: LlmEvent): Promise<void>;
  cached(key: string): Promise<string | null>;
  remember(key: string, value: string): Promise<void>;
}

export const openGate: LlmGate = {
  acquire: async (estimate) => ({ id: '', estimate }),
  settle: async () => {},
  pause: async () => {},
  record: async () => {},
  cached: async () => null,
  remember: async () => {},
};
