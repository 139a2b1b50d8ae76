/**
 * A real local HTTP server that speaks the OpenAI Chat Completions protocol,
 * scripted per test: valid replies, malformed JSON, refusals, truncation,
 * 429 with Retry-After, 5xx, 401, slow replies. The SDK talks to it over
 * HTTP exactly as it would to api.openai.com.
 */
import type { ServerResponse } from 'node:http';
import { type RecordedRequest, send, startServer, type TestServer } from './http-server.ts';

export type Step =
  | { kind: 'reply'; content: string; finish?: 'stop' | 'length'; delayMs?: number; model?: string }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'error'; status: number; message: string; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; contentType?: string };

export interface FakeOpenAi extends TestServer {
  baseURL: string;
  /** Parsed JSON bodies of the chat completion requests received. */
  chatRequests(): ChatRequestBody[];
  script(steps: Step[]): void;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  max_tokens?: number;
}

export const reply = (value: unknown, extra: Partial<Extract<Step, { kind: 'reply' }>> = {}): Step => ({
  kind: 'reply',
  content: typeof value === 'string' ? value : JSON.stringify(value),
  ...extra,
});

function completion(step: Extract<Step, { kind: 'reply' | 'refusal' }>, model: string): string {
  const message =
    step.kind === 'reply'
      ? { role: 'assistant', content: step.content, refusal: null }
      : { role: 'assistant', content: null, refusal: step.refusal };
  return JSON.stringify({
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: step.kind === 'reply' && step.model ? step.model : model,
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: step.kind === 'reply' ? (step.finish ?? 'stop') : 'stop',
      },
    ],
    usage: {
      prompt_tokens: 812,
      completion_tokens: 301,
      total_tokens: 1113,
      prompt_tokens_details: { cached_tokens: 0 },
    },
  });
}

export async function startFakeOpenAi(initial: Step[] = []): Promise<FakeOpenAi> {
  let steps = [...initial];
  let served = 0;
  const handle = async (req: RecordedRequest, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url.pathname !== '/v1/chat/completions') {
      return send(
        res,
        404,
        JSON.stringify({
          error: { message: `Unknown route ${req.url.pathname}`, type: 'invalid_request_error' },
        }),
      );
    }
    const body = JSON.parse(req.body) as ChatRequestBody;
    const step = steps[Math.min(served, steps.length - 1)];
    served++;
    if (!step)
      return send(
        res,
        500,
        JSON.stringify({ error: { message: 'fake server has no script', type: 'server_error' } }),
      );
    if (step.kind === 'reply' && step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
    if (step.kind === 'error') {
      return send(
        res,
        step.status,
        JSON.stringify({ error: { message: step.message, type: 'error', code: null } }),
        'application/json',
        step.headers,
      );
    }
    if (step.kind === 'raw') return send(res, step.status, step.body, step.contentType ?? 'application/json');
    if (res.destroyed) return;
    send(res, 200, completion(step, body.model));
  };
  const server = await startServer(handle);
  return {
    ...server,
    baseURL: `${server.url}/v1`,
    chatRequests: () =>
      server.requests
        .filter((r) => r.url.pathname === '/v1/chat/completions')
        .map((r) => JSON.parse(r.body) as ChatRequestBody),
    script(next) {
      steps = [...next];
      served = 0;
    },
  };
}
