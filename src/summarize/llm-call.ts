/**
 * The one place LaySum calls the OpenAI SDK: a structured-output request
 * (`chat.completions.create`, then the SDK's own `parseChatCompletion`, which
 * is what `chat.completions.parse` does, split so the raw reply is kept), with
 * repair calls that tell the model what was wrong. The summarizer and the
 * simplify pass both call it; rate limiting and output modes belong here.
 */
import type OpenAI from 'openai';
import { parseChatCompletion } from 'openai/lib/parser';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Config } from '../config/env.ts';
import type { Usage } from '../domain/draft.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import { type ModelReply, SummaryFailedError } from '../errors/summary-failed-error.ts';
import type { strictResponseFormat } from '../llm/response-format.ts';
import { classifyApiError, repairableProblem } from './llm-errors.ts';

export interface StructuredCall<T extends z.ZodType> {
  schema: T;
  format: ReturnType<typeof strictResponseFormat<T>>;
  system: string;
  user: string;
  /** What the model is asked to do, for error messages: "summarize this paper". */
  task: string;
}

export interface StructuredReply<T> {
  value: T;
  model: string;
  usage: Usage;
  calls: number;
}

export const emptyUsage = (): Usage => ({
  promptTokens: 0,
  completionTokens: 0,
  cachedTokens: 0,
  totalTokens: 0,
});

export async function callStructured<T extends z.ZodType>(
  client: OpenAI,
  llm: Config['llm'],
  call: StructuredCall<T>,
): Promise<StructuredReply<z.infer<T>>> {
  const where = llm.baseURL ? redactUrlCredentials(llm.baseURL) : 'api.openai.com';
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: call.system },
    { role: 'user', content: call.user },
  ];
  const usage = emptyUsage();
  let lastProblem = '';
  let lastRaw = '';
  let lastError: unknown;
  let answered: ChatCompletion | undefined;
  // What the model last said, for a SummaryFailedError's failure record: nothing before its first answer.
  const reply = (): ModelReply =>
    answered
      ? { rawReply: lastRaw, usage: { ...usage }, finishReason: answered.choices[0]?.finish_reason ?? null }
      : { rawReply: null, usage: null, finishReason: null };
  for (let n = 1; n <= llm.maxRepairs + 1; n++) {
    const params = {
      model: llm.model,
      messages,
      response_format: call.format,
      ...(llm.maxTokens ? { max_tokens: llm.maxTokens } : {}),
    };
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create(params);
    } catch (err) {
      throw classifyApiError(err, where, llm.timeoutMs, [llm.apiKey], reply());
    }
    addUsage(usage, completion);
    answered = completion;
    const message = completion.choices[0]?.message;
    lastRaw = message?.content ?? message?.refusal ?? '';
    if (message?.refusal) {
      throw new SummaryFailedError(`The model refused to ${call.task}: "${message.refusal}"`, {
        hint: 'Check that the source is a research paper; summarize it by hand if the refusal stands.',
        ...reply(),
      });
    }
    try {
      const parsed = parseChatCompletion(completion, params).choices[0]?.message.parsed;
      if (!parsed) throw new SyntaxError('the reply was empty');
      // Again on our side: servers may ignore the schema's limits.
      return { value: call.schema.parse(parsed), model: completion.model || llm.model, usage, calls: n };
    } catch (err) {
      const problem = repairableProblem(err);
      if (problem === null) throw classifyApiError(err, where, llm.timeoutMs, [llm.apiKey], reply());
      lastProblem = problem;
      lastError = err;
      messages.push(
        { role: 'assistant', content: lastRaw || '(empty reply)' },
        { role: 'user', content: problem },
      );
    }
  }
  throw new SummaryFailedError(
    `The model's reply was still invalid after ${llm.maxRepairs} repair attempt(s). Last problem: ${lastProblem.split('\n').slice(0, 4).join(' ')}`,
    {
      hint: 'Try a more capable LLM_MODEL, or `laysum retry <id>` later.',
      cause: lastError,
      ...reply(),
    },
  );
}

export function addUsage(total: Usage, completion: Pick<ChatCompletion, 'usage'>): void {
  const u = completion.usage;
  if (!u) return;
  total.promptTokens += u.prompt_tokens;
  total.completionTokens += u.completion_tokens;
  total.cachedTokens += u.prompt_tokens_details?.cached_tokens ?? 0;
  total.totalTokens += u.total_tokens;
}
