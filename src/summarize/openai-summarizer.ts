/**
 * The LLM summarizer: Structured Outputs through the official SDK
 * (zodResponseFormat), with repair attempts that tell the model what was
 * wrong. The call is `chat.completions.create` followed by the SDK's own
 * `parseChatCompletion` (exactly what `chat.completions.parse` does), split so
 * the raw reply is kept for the repair prompt and, on every SummaryFailedError,
 * for the paper's failure record (with the usage and finish reason).
 */
import type OpenAI from 'openai';
import { parseChatCompletion } from 'openai/lib/parser';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Config } from '../config/env.ts';
import type { Usage } from '../domain/draft.ts';
import { LaySummary } from '../domain/summary.ts';
import { type ModelReply, SummaryFailedError } from '../errors/summary-failed-error.ts';
import { type Prompt, renderPrompt } from '../llm/prompt.ts';
import { strictResponseFormat } from '../llm/response-format.ts';
import { classifyApiError, repairableProblem } from './llm-errors.ts';
import { promptValues } from './prompt-values.ts';
import type { SummarizeInput, SummarizeOutput, Summarizer } from './types.ts';

const responseFormat = strictResponseFormat(LaySummary, 'lay_summary');

export function createOpenAiSummarizer(
  client: OpenAI,
  llm: Config['llm'],
  prompt: Prompt,
  fullTextBudget: number,
): Summarizer {
  const where = llm.baseURL ?? 'api.openai.com';
  return {
    provider: 'openai',
    async summarize(input: SummarizeInput): Promise<SummarizeOutput> {
      const rendered = renderPrompt(
        prompt,
        promptValues(input.record, input.reviewerNotes, input.previous, fullTextBudget),
      );
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: rendered.system },
        { role: 'user', content: rendered.user },
      ];
      const usage: Usage = { promptTokens: 0, completionTokens: 0, cachedTokens: 0, totalTokens: 0 };
      let lastProblem = '';
      let lastRaw = '';
      let lastError: unknown;
      let answered: ChatCompletion | undefined;
      // What the model last said, for a SummaryFailedError: nothing before its first answer.
      const reply = (): ModelReply =>
        answered
          ? {
              rawReply: lastRaw,
              usage: { ...usage },
              finishReason: answered.choices[0]?.finish_reason ?? null,
            }
          : { rawReply: null, usage: null, finishReason: null };
      for (let call = 1; call <= llm.maxRepairs + 1; call++) {
        const params = {
          model: llm.model,
          messages,
          response_format: responseFormat,
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
          throw new SummaryFailedError(`The model refused to summarize this paper: "${message.refusal}"`, {
            hint: 'Check that the source is a research paper; summarize it by hand if the refusal stands.',
            ...reply(),
          });
        }
        try {
          const parsed = parseChatCompletion(completion, params).choices[0]?.message.parsed;
          if (!parsed) throw new SyntaxError('the reply was empty');
          const summary = LaySummary.parse(parsed); // again on our side: servers may ignore the schema's limits
          return {
            summary,
            provenance: {
              provider: 'openai',
              model: completion.model || llm.model,
              promptVersion: prompt.version,
              usage,
              llmCalls: call,
              repairs: call - 1,
              createdAt: new Date().toISOString(),
            },
          };
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
        { hint: 'Try a more capable LLM_MODEL, or `laysum retry <id>` later.', cause: lastError, ...reply() },
      );
    },
  };
}

function addUsage(total: Usage, completion: ChatCompletion): void {
  const u = completion.usage;
  if (!u) return;
  total.promptTokens += u.prompt_tokens;
  total.completionTokens += u.completion_tokens;
  total.cachedTokens += u.prompt_tokens_details?.cached_tokens ?? 0;
  total.totalTokens += u.total_tokens;
}
