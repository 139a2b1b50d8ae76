/**
 * What an error from the OpenAI SDK means for a paper, decided in one place:
 * a reply worth repairing, a transient failure the queue retries later, or a
 * permanent failure with a reason a person can act on.
 */
import OpenAI from 'openai';
import { ZodError } from 'zod';
import { redactSecrets } from '../errors/redact.ts';
import { type ModelReply, SummaryFailedError } from '../errors/summary-failed-error.ts';
import { TransientError } from '../errors/transient-error.ts';
import { retryAfterMs } from '../net/http.ts';
import { ContentFilteredError, ReplyCutOffError } from './finish-reasons.ts';
import type { OutputMode } from './output-modes.ts';

/** Problems with the model's reply that a repair prompt may fix; null if the error is of another kind. */
export function repairableProblem(err: unknown): string | null {
  if (err instanceof ReplyCutOffError) {
    return 'Your reply was cut off before the JSON was complete (finish_reason "length"). Reply again with complete JSON and keep every field short.';
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => `- ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    return `Your reply did not match the required schema:\n${issues}\nReply again with JSON that fixes these problems.`;
  }
  if (err instanceof SyntaxError) {
    return `Your reply was not valid JSON (${err.message}). Reply again with only the JSON object.`;
  }
  return null;
}

/** No reply to keep: the request itself failed. */
export const NO_REPLY: ModelReply = { rawReply: null, usage: null, finishReason: null };

/**
 * Map an SDK error (HTTP status, timeout, connection, content filter) to
 * Transient or SummaryFailed; `reply` is what the model said, kept on a
 * SummaryFailedError for the failure record.
 */
export function classifyApiError(
  err: unknown,
  where: string,
  timeoutMs: number,
  secrets: ReadonlyArray<string | undefined> = [],
  reply: ModelReply = NO_REPLY,
): Error {
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return new TransientError(`The LLM server at ${where} did not answer within ${timeoutMs} ms.`, {
      hint: 'LaySum will retry; raise LLM_TIMEOUT_MS if your model is slow.',
      cause: err,
    });
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return new TransientError(`Could not connect to the LLM server at ${where}.`, {
      hint: 'LaySum will retry; check OPENAI_BASE_URL and that the server is running.',
      cause: err,
    });
  }
  if (err instanceof ContentFilteredError) {
    return new SummaryFailedError("The LLM provider's content filter blocked the reply.", {
      hint: 'Check the source text, or summarize this paper by hand.',
      cause: err,
      ...reply,
    });
  }
  if (err instanceof OpenAI.APIError) return classifyStatus(err, where, secrets, reply.usage);
  return err instanceof Error ? err : new Error(String(err));
}

function classifyStatus(
  err: InstanceType<typeof OpenAI.APIError>,
  where: string,
  secrets: ReadonlyArray<string | undefined>,
  usage: ModelReply['usage'],
): Error {
  // The server refused the request: no reply, only the tokens earlier calls spent. The SDK error is
  // not kept as the cause: a 401 quotes the key it was given; its detail is in the message, redacted.
  const noReply = { ...NO_REPLY, usage };
  const status = err.status ?? 0;
  const detail = redactSecrets(errorDetail(err), secrets);
  if (status === 429 || status >= 500 || status === 408 || status === 409) {
    const after = retryAfterMs(err.headers?.get('retry-after') ?? null);
    return new TransientError(
      `The LLM server at ${where} answered HTTP ${status}${status === 429 ? ' (rate limited)' : ''}: ${detail}`,
      {
        hint: 'LaySum will retry with backoff.',
        cause: err,
        ...(after === undefined ? {} : { retryAfterMs: after }),
      },
    );
  }
  if (status === 401 || status === 403) {
    return new SummaryFailedError(
      `The LLM server at ${where} refused the credentials (HTTP ${status}): ${detail}`,
      {
        hint: 'Check OPENAI_API_KEY (and OPENAI_BASE_URL), then run `laysum retry <id>`.',
        ...noReply,
      },
    );
  }
  return new SummaryFailedError(
    `The LLM server at ${where} rejected the request (HTTP ${status}): ${detail}`,
    {
      hint: 'Check LLM_MODEL and that the server supports structured outputs (response_format json_schema), then run `laysum retry <id>`.',
      ...noReply,
    },
  );
}

function errorDetail(err: InstanceType<typeof OpenAI.APIError>): string {
  const body = err.error;
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string')
    return body.message;
  return err.message;
}

/** "6m0s", "1.5s", "20ms" (OpenAI's x-ratelimit-reset-* headers) -> ms; undefined if absent or odd. */
export function durationMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value.trim()) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

/**
 * How long a 429 asks everyone to wait: `retry-after-ms`, else `retry-after`
 * (seconds or a date), else the later of `x-ratelimit-reset-requests` and
 * `x-ratelimit-reset-tokens`; undefined when the server said nothing.
 */
export function rateLimitWaitMs(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const after = retryAfterMs(headers.get('retry-after'));
  if (after !== undefined) return after;
  const resets = [headers.get('x-ratelimit-reset-requests'), headers.get('x-ratelimit-reset-tokens')]
    .map(durationMs)
    .filter((n): n is number => n !== undefined);
  return resets.length ? Math.max(...resets) : undefined;
}

/** The server does not have this model, or will not answer in this output mode: worth trying the next model. */
export function isModelUnavailable(err: unknown): boolean {
  return err instanceof OpenAI.APIError && [400, 404, 422, 501].includes(err.status ?? 0);
}

/** Older llama.cpp servers answer json_schema with HTTP 500 "response_format type must be one of ...". */
const MODE_IN_MESSAGE = /response_format|json_schema|json_object|tool_choice|\btools?\b.*not supported/i;

/**
 * The server will not take the request as asked: a 400, 422 or 501 (a 404 is
 * the model, not the request), or a 5xx that says it is the output format.
 * Worth trying a lesser output mode.
 */
export function isModeRefused(err: unknown): boolean {
  if (!(err instanceof OpenAI.APIError)) return false;
  const status = err.status ?? 0;
  return [400, 422, 501].includes(status) || (status >= 500 && MODE_IN_MESSAGE.test(errorDetail(err)));
}

export function isRateLimited(err: unknown): err is InstanceType<typeof OpenAI.APIError> {
  return err instanceof OpenAI.APIError && err.status === 429;
}

/** Cut off before any answer twice, the second time with a larger budget. */
export function noAnswerError(
  tried: number | undefined,
  configured: number | undefined,
  reply: ModelReply,
): Error {
  return new SummaryFailedError(
    `The model used its whole reply budget without answering, twice (finish_reason "length" and no content; the second try allowed ${tried} tokens). A reasoning model spends its tokens thinking first.`,
    {
      hint: `Raise LLM_MAX_TOKENS (now ${configured ?? 'not set'}; e.g. ${Math.max(16_384, 2 * (tried ?? 0))}), or turn the model's thinking off on the server, then run \`laysum retry <id>\`.`,
      ...reply,
    },
  );
}

/**
 * A request refused in the last mode tried says which modes were tried: with
 * `auto`, every mode the server refused before; with a mode set in
 * LLM_OUTPUT_MODE, that the setting kept LaySum from trying another.
 */
export function withRefusedModes(
  err: Error,
  refused: readonly OutputMode[],
  mode: OutputMode,
  configured: 'auto' | OutputMode,
): Error {
  if (!(err instanceof SummaryFailedError) || err.rawReply !== null) return err;
  const fixed = configured !== 'auto';
  if (!fixed && refused.length === 0) return err;
  const message = fixed
    ? `${err.message} (LLM_OUTPUT_MODE=${configured}: no other output mode was tried.)`
    : `${err.message} It refused the ${refused.join(' and ')} output mode(s) before ${mode}, so no mode was left to try.`;
  const hint = fixed
    ? `If the server does not support ${configured}, set LLM_OUTPUT_MODE=auto (LaySum then finds a mode it answers in) or a mode it supports; check LLM_MODEL too. Then run \`laysum retry <id>\`.`
    : 'Check LLM_MODEL and the server (see docs/local-models.md); if it supports a mode after all, set LLM_OUTPUT_MODE to it. Then run `laysum retry <id>`.';
  return new SummaryFailedError(message, {
    hint,
    rawReply: err.rawReply,
    usage: err.usage,
    finishReason: err.finishReason,
  });
}
