/**
 * The one place LaySum calls the OpenAI SDK: a structured-output request in
 * the configured output mode (./output-modes.ts; with `auto`, a mode the
 * server refuses steps down to the next, and the fleet remembers it), the
 * reply read as real servers send it (./llm-completion.ts), repair calls that
 * tell the model what was wrong, one retry with a larger budget when a
 * reasoning model was cut off before answering, the fallback models tried in
 * order when a model is unavailable or refuses every mode, and the fleet's
 * gate around every call (./llm-gate.ts): the shared limits before it, the
 * real token count after it, a fleet-wide pause on a 429 (a RateLimitedError,
 * which costs the paper no attempt), the ledger, and the cache, which answers
 * a call it has seen (same prompt version, model, mode and rendered prompt)
 * without calling.
 */
import { createHash } from 'node:crypto';
import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Config } from '../config/env.ts';
import { costOf } from '../domain/cost.ts';
import type { Usage } from '../domain/draft.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import { type ModelReply, SummaryFailedError } from '../errors/summary-failed-error.ts';
import type { strictResponseFormat } from '../llm/response-format.ts';
import { gatewayFailure, type Reading, readCompletion, usageOf } from './llm-completion.ts';
import {
  classifyApiError,
  isModelUnavailable,
  isModeRefused,
  isRateLimited,
  noAnswerError,
  rateLimitWaitMs,
  withRefusedModes,
} from './llm-errors.ts';
import { type LlmGate, openGate } from './llm-gate.ts';
import {
  type FollowUp,
  firstMessages,
  nextMode,
  type OutputMode,
  repairMessages,
  replyText,
  requestFor,
} from './output-modes.ts';

export interface StructuredCall<T extends z.ZodType> {
  schema: T;
  format: ReturnType<typeof strictResponseFormat<T>>;
  system: string;
  user: string;
  /** Asked after `system` + `user` and their earlier answer (the simplify pass): the provider's cached prefix is reused. */
  followUp?: FollowUp;
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
    ...(call.followUp ? [call.followUp.reply, call.followUp.user] : []),
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

/** Completion tokens asked for on the one retry of a reply cut off before it answered (a reasoning model). */
export const THINKING_BUDGET = 8192;

/** Where the model is, for messages and the output-mode memory: the base URL without credentials. */
export function serverOf(llm: Config['llm']): string {
  return llm.baseURL ? redactUrlCredentials(llm.baseURL) : 'api.openai.com';
}

/** The mode a call to `model` starts in: LLM_OUTPUT_MODE, or with `auto` what the fleet learned (else json_schema). */
async function startMode(llm: Config['llm'], gate: LlmGate, model: string): Promise<OutputMode> {
  if (llm.outputMode !== 'auto') return llm.outputMode;
  return (await gate.outputMode(serverOf(llm), model)) ?? 'json_schema';
}

async function callModel<T extends z.ZodType>(
  client: OpenAI,
  llm: Config['llm'],
  call: StructuredCall<T>,
  gate: LlmGate,
  cacheKey: string,
): Promise<StructuredReply<z.infer<T>>> {
  const where = serverOf(llm);
  const models = [llm.model, ...llm.fallbackModels];
  const jsonSchema = call.format.json_schema.schema;
  let modelIndex = 0;
  let model = llm.model;
  let mode = await startMode(llm, gate, model);
  // Modes this server refused for this model in this call (with `auto`), remembered once one works.
  let refused: OutputMode[] = [];
  let messages = firstMessages(mode, call.system, call.user, call.format, call.followUp);
  let maxTokens = llm.maxTokens;
  let raisedBudget = false;
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
  // The repairs, plus the one retry with a larger budget when a reply was all reasoning.
  while (calls <= llm.maxRepairs + (raisedBudget ? 1 : 0)) {
    const params = requestFor(mode, model, messages, call.format, maxTokens);
    const ticket = await gate.acquire(estimateTokens(messages, jsonSchema, maxTokens));
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
      const next = llm.outputMode === 'auto' && !answered && isModeRefused(err) ? nextMode(mode) : null;
      if (next) {
        refused.push(mode);
        mode = next;
        messages = firstMessages(mode, call.system, call.user, call.format, call.followUp);
        continue;
      }
      if (isModelUnavailable(err) && modelIndex < models.length - 1 && !answered) {
        model = models[++modelIndex] ?? llm.model;
        mode = await startMode(llm, gate, model);
        refused = [];
        messages = firstMessages(mode, call.system, call.user, call.format, call.followUp);
        continue;
      }
      const failure = classifyApiError(err, where, llm.timeoutMs, [llm.apiKey], reply());
      throw isModeRefused(err) ? withRefusedModes(failure, refused, mode, llm.outputMode) : failure;
    }
    const gateway = gatewayFailure(completion, where, [llm.apiKey]);
    if (gateway) {
      await gate.settle(ticket, null);
      await gate.record({
        model,
        outcome: 'error',
        usage: null,
        costUsd: 0,
        latencyMs: performance.now() - started,
      });
      throw gateway;
    }
    if (refused.length) {
      await gate.learnOutputMode(where, model, mode, refused);
      refused = [];
    }
    calls++;
    const callUsage = usageOf(mode, completion, messages);
    const replyModel = completion.model || model;
    const callCost = costOf(llm.prices, replyModel, callUsage);
    costUsd += callCost;
    addTo(usage, callUsage);
    // The limits' correction and the ledger go out now and are awaited below, with the cache
    // entry when the reply is good: one round trip for the three.
    const bookkeeping = Promise.all([
      gate.settle(ticket, callUsage.totalTokens),
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
    let reading: Reading<z.infer<T>>;
    try {
      reading = readCompletion(mode, completion, call.schema, jsonSchema);
    } catch (err) {
      await bookkeeping;
      throw classifyApiError(err, where, llm.timeoutMs, [llm.apiKey], reply());
    }
    if (reading.kind === 'value') {
      const value = reading.value;
      await Promise.all([bookkeeping, gate.remember(cacheKey, JSON.stringify({ value, model: replyModel }))]);
      return { value, model: replyModel, usage, calls, costUsd, cacheHit: false };
    }
    await bookkeeping;
    if (reading.kind === 'no-answer') {
      if (raisedBudget) throw noAnswerError(maxTokens, llm.maxTokens, reply());
      // A reasoning model spent its budget thinking: the same request once more, with room to answer.
      raisedBudget = true;
      maxTokens = Math.max(THINKING_BUDGET, 2 * (maxTokens ?? 0));
      continue;
    }
    lastProblem = reading.problem;
    lastError = reading.error;
    messages.push(...repairMessages(mode, completion, lastRaw, reading.problem));
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

function addTo(total: Usage, more: Usage): void {
  total.promptTokens += more.promptTokens;
  total.completionTokens += more.completionTokens;
  total.cachedTokens += more.cachedTokens;
  total.totalTokens += more.totalTokens;
  if (more.estimated) total.estimated = true;
}
