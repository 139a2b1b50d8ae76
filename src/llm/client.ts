/**
 * The OpenAI SDK client for any OpenAI-compatible server (OpenAI, Azure,
 * Ollama, vLLM). The SDK's own retries are off: the queue owns backoff, so a
 * 429 or 5xx never holds a worker slot while it waits.
 */
import OpenAI from 'openai';
import type { Config } from '../config/env.ts';

export function createLlmClient(llm: Config['llm']): OpenAI {
  return new OpenAI({
    // Local servers (Ollama, vLLM) need no key, but the SDK insists on one.
    apiKey: llm.apiKey ?? 'no-key-needed',
    ...(llm.baseURL ? { baseURL: llm.baseURL } : {}),
    maxRetries: 0,
    timeout: llm.timeoutMs,
  });
}
