/**
 * What an LLM call asks of the fleet before and after it goes out, without
 * knowing Redis or the queue: wait for the shared limits (RPM, TPM, calls in
 * flight, a 429 pause, the daily budget), settle the token estimate with the
 * reply's `usage`, pause everyone after a 429, record calls, tokens, cost and
 * latency, answer from the cache, and remember which output mode each
 * server and model answers in (LLM_OUTPUT_MODE=auto). The Redis
 * implementation is src/store/llm-gate.ts; `openGate` (no limits, no cache,
 * no memory) is for runs without one.
 */
import type { Usage } from '../domain/draft.ts';
import type { OutputMode } from './output-modes.ts';

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
  /** The output mode this server and model were found to answer in (by any worker), or null. */
  outputMode(server: string, model: string): Promise<OutputMode | null>;
  /** The server refused `refused` for this model and answered in `mode`: remembered for the fleet, logged once. */
  learnOutputMode(
    server: string,
    model: string,
    mode: OutputMode,
    refused: readonly OutputMode[],
  ): Promise<void>;
}

export const openGate: LlmGate = {
  acquire: async (estimate) => ({ id: '', estimate }),
  settle: async () => {},
  pause: async () => {},
  record: async () => {},
  cached: async () => null,
  remember: async () => {},
  outputMode: async () => null,
  learnOutputMode: async () => {},
};
