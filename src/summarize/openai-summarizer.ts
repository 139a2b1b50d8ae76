/**
 * The LLM summarizer: Structured Outputs through the official SDK
 * (zodResponseFormat, called in src/summarize/llm-call.ts), with the site
 * profile and the evidence ceiling in the prompt. When a simplify prompt is
 * given, it also offers the simplify pass the stage runs on drafts above the
 * reading target.
 */
import type OpenAI from 'openai';
import type { Config, SiteProfile } from '../config/env.ts';
import { type Prompt, renderPrompt } from '../llm/prompt.ts';
import { strictResponseFormat } from '../llm/response-format.ts';
import { callStructured } from './llm-call.ts';
import type { LlmGate } from './llm-gate.ts';
import { ModelSummary, ModelSummaryFormat, splitReply } from './model-summary.ts';
import { promptValues } from './prompt-values.ts';
import { createSimplifier } from './simplify.ts';
import type { SummarizeInput, SummarizeOutput, Summarizer } from './types.ts';
import { createVerifier } from './verify.ts';

const responseFormat = strictResponseFormat(ModelSummaryFormat, 'lay_summary');

export interface OpenAiSummarizerOptions {
  site?: SiteProfile;
  /** prompts/simplify.md: when given, drafts above the reading target get one rewrite. */
  simplifyPrompt?: Prompt;
  /** prompts/verify.md: when given (LLM_VERIFY=true), every draft gets one verifier call. */
  verifyPrompt?: Prompt;
  /** The fleet's limits, cache and ledger (src/store/llm-gate.ts); none: calls go straight out. */
  gate?: LlmGate;
}

export function createOpenAiSummarizer(
  client: OpenAI,
  llm: Config['llm'],
  prompt: Prompt,
  fullTextBudget: number,
  options: OpenAiSummarizerOptions = {},
): Summarizer {
  // Site-wide values only in the system part: it is byte-identical for every paper, a cacheable prefix.
  const render = (input: SummarizeInput) =>
    renderPrompt(
      prompt,
      promptValues(input.record, input.reviewerNotes, input.previous, fullTextBudget, options.site),
    );
  return {
    provider: 'openai',
    ...(options.site ? { profile: options.site } : {}),
    ...(options.simplifyPrompt
      ? {
          simplify: createSimplifier(
            client,
            llm,
            options.simplifyPrompt,
            (record) => render({ record, reviewerNotes: null, previous: null }),
            options.gate,
          ),
        }
      : {}),
    ...(options.verifyPrompt
      ? { verify: createVerifier(client, llm, options.verifyPrompt, fullTextBudget, options.gate) }
      : {}),
    async summarize(input: SummarizeInput): Promise<SummarizeOutput> {
      const rendered = render(input);
      const reply = await callStructured(
        client,
        llm,
        {
          schema: ModelSummary,
          format: responseFormat,
          system: rendered.system,
          user: rendered.user,
          task: 'summarize this paper',
          promptVersion: prompt.version,
        },
        options.gate,
      );
      const { summary, sentenceSources } = splitReply(reply.value);
      return {
        summary,
        sentenceSources,
        // The simplify pass follows on with the same messages and this answer, as the model gave it.
        firstCall: { ...rendered, reply: JSON.stringify(reply.value) },
        provenance: {
          provider: 'openai',
          model: reply.model,
          promptVersion: prompt.version,
          usage: reply.usage,
          llmCalls: reply.calls,
          repairs: Math.max(0, reply.calls - 1),
          cacheHits: reply.cacheHit ? 1 : 0,
          costUsd: reply.costUsd,
          createdAt: new Date().toISOString(),
        },
      };
    },
  };
}
