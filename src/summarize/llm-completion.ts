/**
 * What one chat completion from an OpenAI-compatible server says, whatever
 * the server: an error passed on inside an HTTP 200 (gateways), the tokens it
 * cost (estimated from the text when the server sends no `usage`), and the
 * answer read through the schema (./llm-reply.ts), a problem worth a repair
 * prompt, or a reply budget spent on reasoning before any answer came.
 */

import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Usage } from '../domain/draft.ts';
import { redactSecrets } from '../errors/redact.ts';
import { TransientError } from '../errors/transient-error.ts';
import { ContentFilteredError, ReplyCutOffError } from './finish-reasons.ts';
import { repairableProblem } from './llm-errors.ts';
import { answerText, readAnswer } from './llm-reply.ts';
import { type OutputMode, replyText } from './output-modes.ts';

export type Reading<T> =
  | { kind: 'value'; value: T }
  /** Cut off (finish_reason "length") before any answer: the budget went on reasoning. */
  | { kind: 'no-answer' }
  | { kind: 'problem'; problem: string; error: unknown };

/**
 * A reply with no choices is no reply: gateways (OpenRouter-style) pass an
 * upstream failure on as HTTP 200 with an `error` object. It is a transient
 * failure for the queue to retry, never something to show the model.
 */
export function gatewayFailure(
  completion: ChatCompletion,
  where: string,
  secrets: ReadonlyArray<string | undefined>,
): TransientError | null {
  const body = completion as Partial<ChatCompletion> & { error?: unknown };
  if (Array.isArray(body.choices) && body.choices.length > 0) return null;
  const error = body.error;
  const message =
    typeof error === 'string'
      ? error
      : typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
        ? error.message
        : 'the reply had no choices';
  return new TransientError(
    `The LLM server at ${where} answered HTTP 200 with an error instead of a reply: ${redactSecrets(message, secrets)}`,
    {
      hint: 'LaySum will retry with backoff (a gateway passes its upstream failures on this way).',
    },
  );
}

/** Text the model produced in this reply, reasoning included: what an estimate of its tokens counts. */
function producedText(mode: OutputMode, completion: ChatCompletion): string {
  const message = completion.choices[0]?.message as { reasoning_content?: unknown } | undefined;
  const reasoning = typeof message?.reasoning_content === 'string' ? message.reasoning_content : '';
  return `${replyText(mode, completion)}${reasoning}`;
}

/** The reply's `usage`, or, when the server sent none, an estimate (about 4 characters a token) marked as one. */
export function usageOf(
  mode: OutputMode,
  completion: ChatCompletion,
  messages: ChatCompletionMessageParam[],
): Usage {
  const u = completion.usage;
  if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') {
    return {
      promptTokens: u.prompt_tokens,
      completionTokens: u.completion_tokens,
      cachedTokens: u.prompt_tokens_details?.cached_tokens ?? 0,
      totalTokens: u.total_tokens ?? u.prompt_tokens + u.completion_tokens,
    };
  }
  const promptTokens = Math.ceil(JSON.stringify(messages).length / 4);
  const completionTokens = Math.ceil(producedText(mode, completion).length / 4);
  return {
    promptTokens,
    completionTokens,
    cachedTokens: 0,
    totalTokens: promptTokens + completionTokens,
    estimated: true,
  };
}

/**
 * The reply as a value of `schema`, a problem to repair, or no answer at all
 * (cut off while reasoning). Throws what no repair can fix: a content filter.
 */
export function readCompletion<T extends z.ZodType>(
  mode: OutputMode,
  completion: ChatCompletion,
  schema: T,
  jsonSchema: unknown,
): Reading<z.infer<T>> {
  const finish = completion.choices[0]?.finish_reason;
  if (finish === 'content_filter') throw new ContentFilteredError();
  const answer = answerText(replyText(mode, completion));
  if (finish === 'length' && answer === '') return { kind: 'no-answer' };
  try {
    return { kind: 'value', value: readAnswer(answer, schema, jsonSchema) };
  } catch (err) {
    const error = finish === 'length' ? new ReplyCutOffError() : err;
    const problem = repairableProblem(error);
    if (problem === null) throw error;
    return { kind: 'problem', problem, error };
  }
}
