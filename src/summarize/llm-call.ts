/**
 * The one place LaySum calls the OpenAI SDK: a structured-output request in
 * the configured output mode (./output-modes.ts), with repair calls that tell
 * the model what was wrong, the fallback models tried in order when a model
 * is unavailable or refuses the mode, and the fleet's gate around every call
 * (./llm-gate.ts): the shared limits before it, the real token count after
 * it, a fleet-wide pause on a 429 (a RateLimitedError, which costs the paper
 * no attempt), the ledger, and the cache, which answers a call it has seen
 * (same prompt version, model, mode and rendered prompt) without calling.
 */
import { createHash } from 'node:crypto';
import type OpenAI from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import { parseChatCompletion } from 'openai/lib/parser';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Config } from '../config/env.ts';
import { costOf } from '../domain/cost.ts';
import type { Usage } from '../domain/draft.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import { type ModelReply, SummaryFailedError } from '../errors/summary-failed-error.ts';
import type { strictResponseFormat } from '../llm/response-format.ts';
import {
  classifyApiError,
  isModelUnavailable,
  isRateLimited,
  rateLimitWaitMs,
  repairableProblem,
} from './llm-errors.ts';
import { type LlmGate, openGate } from './llm-gate.ts';
import { repairMessages, replyText, requestFor, schemaInPrompt } from './output-modes.ts';

export interface StructuredCall<T extends z.ZodType> {
  schema: T;
  format: ReturnType<typeof strictResponseFormat<T>>;
  system: string;
  user: string;
  /** What the model is asked to do, for error messages: "summarize this paper". */
  task: string;
  /** The prompt file's version: part of the cache key. */
  promptVersion: string;
}

export interface StructuredReply<T> {
  value: T;
  model: string;
  usage: Usage;
  calls: number;
  /** Estimated USD (LLM_PRICES) of this reply's calls. */
  costUsd: number;
  /** Answered from the cache: no call made. */
  cacheHit: boolean;
}

export const emptyUsage = (): Usage => ({
  promptTokens: 0,
  completionTokens: 0,
  cachedTokens: 0,
  totalTokens: 0,
});

/** Completion tokens reserved in the estimate when LLM_MAX_TOKENS is not set. */
const COMPLETION_RESERVE = 1024;

export function cacheKey(llm: Config['llm'], call: StructuredCall<z.ZodType>): string {
  const parts = [
    call.promptVersion,
    llm.model,
    llm.outputMode,
    call.format.json_schema.name,
    call.system,
    call.user,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Tokens a request may cost before its `usage` is known: about 4 characters a token, plus the reply's reserve. */
export function estimateTokens(
  messages: ChatCompletionMessageParam[],
  schema: unknown,
  maxTokens?: number,
): number {
  const chars = JSON.stringify(messages).length + JSON.stringify(schema ?? {}).length;
  return Math.ceil(chars / 4) + (maxTokens ?? COMPLETION_RESERVE);
}

export async function callStructured<T extends z.ZodType>(
  client: OpenAI,
  llm: Config['llm'],
  call: StructuredCall<T>,
  gate: LlmGate = openGate,
): Promise<StructuredReply<z.infer<T>>> {
  const key = cacheKey(llm, call);
  const hit = await fromCache(gate, key, call.schema);
  if (hit) {
    await gate.record({ model: hit.model, outcome: 'cache_hit', usage: null, costUsd: 0, latencyMs: 0 });
    return { value: hit.value, model: hit.model, usage: emptyUsage(), calls: 0, costUsd: 0, cacheHit: true };
  }
  return callModel(client, llm, call, gate, key);
}

async function fromCache<T extends z.ZodType>(
  gate: LlmGate,
  key: string,
  schema: T,
): Promise<{ value: z.infer<T>; model: string } | null> {
  const raw = await gate.cached(key);
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as { value: unknown; model: string };
    return { value: schema.parse(entry.value), model: entry.model };
  } catch {
    return null; // an entry from an older schema: call again
  }
}

async function callModel<T extends z.ZodType>(
  client: OpenAI,
  llm: Config['llm'],
  call: StructuredCall<T>,
  gate: LlmGate,
  cacheKey: string,
): Promise<StructuredReply<z.infer<T>>> {
  const where = llm.baseURL ? redactUrlCredentials(llm.baseURL) : 'api.openai.com';
  const mode = llm.outputMode;
  const models = [llm.model, ...llm.fallbackModels];
  let modelIndex = 0;
  const messages: ChatCompletionMessageParam[] = [
    {
      role: 'system',
      content: mode === 'json_object' ? schemaInPrompt(call.system, call.format) : call.system,
    },
    { role: 'user', content: call.user },
  ];
  const usage = emptyUsage();
  let costUsd = 0;
  let lastProblem = '';
  let lastRaw = '';
  let lastError: unknown;
  let answered: ChatCompletion | undefined;
  // What the model last said, for a SummaryFailedError's failure record: nothing before its first answer.
  const reply = (): ModelReply =>
    answered
      ? { rawReply: lastRaw, usage: { ...usage }, finishReason: answered.choices[0]?.finish_reason ?? null }
      : { rawReply: null, usage: null, finishReason: null };
  let calls = 0;
  while (calls <= llm.maxRepairs) {
    const model = models[modelIndex] ?? llm.model;
    const params = requestFor(mode, model, messages, call.format, llm.maxTokens);
    const ticket = await gate.acquire(
      estimateTokens(messages, call.format.json_schema.schema, llm.maxTokens),
    );
    const started = performance.now();
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create(params);
    } catch (err) {
      await gate.settle(ticket, null);
      const latencyMs = performance.now() - started;
      if (isRateLimited(err)) {
        const waitMs = rateLimitWaitMs(err.headers) ?? llm.backoffMs;
        const message = `The LLM server at ${where} answered HTTP 429 (rate limited): every worker waits ${waitMs} ms.`;
        await gate.pause(waitMs, message);
        await gate.record({ model, outcome: 'rate_limited', usage: null, costUsd: 0, latencyMs });
        throw new RateLimitedError(message, { reason: 'rate_limit', waitMs, cause: err });
      }
      await gate.record({ model, outcome: 'error', usage: null, costUsd: 0, latencyMs });
      if (isModelUnavailable(err) && modelIndex < models.length - 1 && !answered) {
        modelIndex++;
        continue;
      }
      throw classifyApiError(err, where, llm.timeoutMs, [llm.apiKey], reply());
    }
    calls++;
    const callUsage = usageOf(completion);
    const replyModel = completion.model || model;
    const callCost = costOf(llm.prices, replyModel, callUsage);
    costUsd += callCost;
    addTo(usage, callUsage);
    // The limits' correction and the ledger go out now and are awaited below, with the cache
    // entry when the reply is good: one round trip for the three.
    const bookkeeping = Promise.all([
      gate.settle(ticket, completion.usage?.total_tokens ?? null),
      gate.record({
        model: replyModel,
        outcome: 'ok',
        usage: callUsage,
        costUsd: callCost,
        latencyMs: performance.now() - started,
      }),
    ]);
    answered = completion;
    const message = completion.choices[0]?.message;
    lastRaw = replyText(mode, completion) || message?.refusal || '';
    if (message?.refusal) {
      await bookkeeping;
      throw new SummaryFailedError(`The model refused to ${call.task}: "${message.refusal}"`, {
        hint: 'Check that the source is a research paper; summarize it by hand if the refusal stands.',
        ...reply(),
      });
    }
    let value: z.infer<T>;
    try {
      const parsed = parseReply(mode, completion, params);
      if (!parsed) throw new SyntaxError('the reply was empty');
      // Again on our side: servers may ignore the schema's limits.
      value = call.schema.parse(parsed);
    } catch (err) {
      await bookkeeping;
      const problem = repairableProblem(err);
      if (problem === null) throw classifyApiError(err, where, llm.timeoutMs, [llm.apiKey], reply());
      lastProblem = problem;
      lastError = err;
      messages.push(...repairMessages(mode, completion, lastRaw, problem));
      continue;
    }
    await Promise.all([bookkeeping, gate.remember(cacheKey, JSON.stringify({ value, model: replyModel }))]);
    return { value, model: replyModel, usage, calls, costUsd, cacheHit: false };
  }
  throw new SummaryFailedError(
    `The model's reply was still invalid after ${llm.maxRepairs} repair attempt(s). Last problem: ${lastProblem.split('\n').slice(0, 4).join(' ')}`,
    {
      hint: 'Try a more capable LLM_MODEL (or another LLM_OUTPUT_MODE), or `laysum retry <id>` later.',
      cause: lastError,
      ...reply(),
    },
  );
}

/** The reply's parsed JSON: through the SDK's own parser for json_schema, else JSON.parse of the text (zod checks it next). */
function parseReply(
  mode: Config['llm']['outputMode'],
  completion: ChatCompletion,
  params: ReturnType<typeof requestFor>,
): unknown {
  if (mode === 'json_schema') return parseChatCompletion(completion, params).choices[0]?.message.parsed;
  const finish = completion.choices[0]?.finish_reason;
  if (finish === 'length') throw new LengthFinishReasonError();
  if (finish === 'content_filter') throw new ContentFilterFinishReasonError();
  const text = replyText(mode, completion);
  return text ? JSON.parse(text) : null;
}

function usageOf(completion: Pick<ChatCompletion, 'usage'>): Usage {
  const total = emptyUsage();
  addUsage(total, completion);
  return total;
}

function addTo(total: Usage, more: Usage): void {
  total.promptTokens += more.promptTokens;
  total.completionTokens += more.completionTokens;
  total.cachedTokens += more.cachedTokens;
  total.totalTokens += more.totalTokens;
}

export function addUsage(total: Usage, completion: Pick<ChatCompletion, 'usage'>): void {
  const u = completion.usage;
  if (!u) return;
  total.promptTokens += u.prompt_tokens;
  total.completionTokens += u.completion_tokens;
  total.cachedTokens += u.prompt_tokens_details?.cached_tokens ?? 0;
  total.totalTokens += u.total_tokens;
}
