/**
 * A real local HTTP server that speaks the OpenAI Chat Completions protocol,
 * scripted per test: valid replies, malformed JSON, refusals, truncation,
 * 429 with Retry-After, 5xx, 401, slow replies, and what other servers send:
 * a `reasoning_content` field beside the content (DeepSeek, vLLM's reasoning
 * parser), no `usage` at all, a 200 carrying only an `error` (gateways, as a
 * `raw` step). The SDK talks to it over HTTP exactly as it would to api.openai.com.
 *
 * Options make it behave like a provider account: requests and tokens per
 * sliding window, answered 429 + retry-after beyond them (and counted, so a
 * test can say "no request over the limit"); usage measured from the request
 * (about 4 characters a token); the output modes it accepts (a reply to a
 * `tools` request comes back as a tool call) and the models it has.
 */
import type { ServerResponse } from 'node:http';
import { createPromptCache, type PromptCache } from '../../bench/prompt-cache.ts';
import { type RecordedRequest, send, startServer, type TestServer } from './http-server.ts';

export type Step =
  | {
      kind: 'reply';
      content: string;
      finish?: 'stop' | 'length';
      delayMs?: number;
      model?: string;
      /** Sent as `message.reasoning_content` (a reasoning model's thinking, beside the answer). */
      reasoning?: string;
      /** Leave `usage` out of the reply, as some local servers and gateways do. */
      noUsage?: boolean;
    }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'error'; status: number; message: string; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; contentType?: string };

export interface FakeOptions {
  limits?: { rpm?: number; tpm?: number; windowMs: number; retryAfterSeconds?: number };
  /** Output modes answered; others get HTTP 400. Default: all. */
  accepts?: Array<'json_schema' | 'json_object' | 'tools'>;
  /** Models served; others get HTTP 404. Default: any. */
  models?: string[];
  /** Usage from the request and reply text instead of the fixed 812 + 301. */
  measuredUsage?: boolean;
  /**
   * Cache prompt prefixes as OpenAI does (bench/prompt-cache.ts) and report them in
   * `usage.prompt_tokens_details.cached_tokens`; the prompt tokens are then the
   * provider's count of schema and messages (implies measuredUsage).
   */
  promptCache?: boolean;
}

export interface FakeOpenAi extends TestServer {
  baseURL: string;
  /** Requests refused with 429 because they were over the configured limits. */
  overLimit(): number;
  /** The most requests and tokens seen in any one window (of the accepted requests). */
  peak(): { requests: number; tokens: number };
  /** Parsed JSON bodies of the chat completion requests received. */
  chatRequests(): ChatRequestBody[];
  script(steps: Step[]): void;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  tools?: Array<{ type: string; function: { name: string; parameters: unknown } }>;
  max_tokens?: number;
}

const tokensOf = (text: string) => Math.ceil(text.length / 4);

function modeOf(body: ChatRequestBody): 'json_schema' | 'json_object' | 'tools' | 'text' {
  if (body.tools?.length) return 'tools';
  const t = body.response_format?.type;
  return t === 'json_schema' || t === 'json_object' ? t : 'text';
}

interface FakeUsage {
  prompt: number;
  completion: number;
  cached: number;
}

/** The tokens a reply to `body` costs (what its `usage` will say). */
function usageFor(
  body: ChatRequestBody,
  step: Step,
  measured: boolean,
  cache: PromptCache | null,
): FakeUsage {
  const content = step.kind === 'reply' ? step.content : step.kind === 'refusal' ? step.refusal : '';
  if (cache) {
    const { promptTokens, cachedTokens } = cache.lookup(body);
    return { prompt: promptTokens, completion: tokensOf(content), cached: cachedTokens };
  }
  if (!measured) return { prompt: 812, completion: 301, cached: 0 };
  return { prompt: tokensOf(JSON.stringify(body.messages)), completion: tokensOf(content), cached: 0 };
}

export const reply = (value: unknown, extra: Partial<Extract<Step, { kind: 'reply' }>> = {}): Step => ({
  kind: 'reply',
  content: typeof value === 'string' ? value : JSON.stringify(value),
  ...extra,
});

function completion(
  step: Extract<Step, { kind: 'reply' | 'refusal' }>,
  body: ChatRequestBody,
  usage: FakeUsage,
): string {
  const model = body.model;
  const tool = body.tools?.[0]?.function.name;
  const message =
    step.kind === 'refusal'
      ? { role: 'assistant', content: null, refusal: step.refusal }
      : tool
        ? {
            role: 'assistant',
            content: null,
            refusal: null,
            tool_calls: [
              {
                id: `call_${Math.random().toString(36).slice(2)}`,
                type: 'function',
                function: { name: tool, arguments: step.content },
              },
            ],
          }
        : { role: 'assistant', content: step.content, refusal: null };
  if (step.kind === 'reply' && step.reasoning !== undefined)
    Object.assign(message, { reasoning_content: step.reasoning });
  const withUsage = !(step.kind === 'reply' && step.noUsage);
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
        finish_reason: step.kind === 'reply' ? (step.finish ?? (tool ? 'tool_calls' : 'stop')) : 'stop',
      },
    ],
    ...(withUsage
      ? {
          usage: {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
            prompt_tokens_details: { cached_tokens: usage.cached },
          },
        }
      : {}),
  });
}

export async function startFakeOpenAi(initial: Step[] = [], options: FakeOptions = {}): Promise<FakeOpenAi> {
  let steps = [...initial];
  let served = 0;
  let overLimit = 0;
  const cache = options.promptCache ? createPromptCache() : null;
  const peak = { requests: 0, tokens: 0 };
  // Accepted requests in the window: arrival time and the tokens they cost.
  const window: Array<{ at: number; tokens: number }> = [];
  /** The limits as a provider applies them at arrival; a 429 step when the request is over. */
  const limited = (tokens: number): Step | null => {
    const limits = options.limits;
    if (!limits) return null;
    const now = Date.now();
    while (window.length && (window[0]?.at ?? now) <= now - limits.windowMs) window.shift();
    const used = window.reduce((n, w) => n + w.tokens, 0);
    if (
      (limits.rpm !== undefined && window.length + 1 > limits.rpm) ||
      (limits.tpm !== undefined && used + tokens > limits.tpm)
    ) {
      overLimit++;
      return {
        kind: 'error',
        status: 429,
        message: 'Rate limit reached for requests',
        headers: { 'retry-after': String(limits.retryAfterSeconds ?? 1) },
      };
    }
    window.push({ at: now, tokens });
    peak.requests = Math.max(peak.requests, window.length);
    peak.tokens = Math.max(peak.tokens, used + tokens);
    return null;
  };
  const refused = (body: ChatRequestBody): Step | null => {
    const mode = modeOf(body);
    if (options.models && !options.models.includes(body.model))
      return { kind: 'error', status: 404, message: `The model \`${body.model}\` does not exist` };
    if (options.accepts && mode !== 'text' && !options.accepts.includes(mode))
      return { kind: 'error', status: 400, message: `${mode} is not supported by this server` };
    return null;
  };
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
    const refusal = refused(body);
    const scripted = refusal ? undefined : steps[Math.min(served, steps.length - 1)];
    const usage = scripted ? usageFor(body, scripted, options.measuredUsage ?? false, cache) : null;
    const over = usage && scripted?.kind !== 'error' ? limited(usage.prompt + usage.completion) : null;
    // A request refused (unknown model, mode, over the limit) does not use up a scripted step.
    if (!refusal && !over) served++;
    const step = refusal ?? over ?? scripted;
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
    send(res, 200, completion(step, body, usage ?? { prompt: 0, completion: 0, cached: 0 }));
  };
  const server = await startServer(handle);
  return {
    ...server,
    baseURL: `${server.url}/v1`,
    overLimit: () => overLimit,
    peak: () => ({ ...peak }),
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
