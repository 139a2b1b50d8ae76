/**
 * The simplify pass: a draft above the site's reading target gets one rewrite
 * by the LLM with its own versioned prompt (prompts/simplify.md), which names
 * the draft's long sentences and hard words. It is asked as a follow-up in the
 * draft's own conversation (the summarize messages, then the draft as the
 * model's answer), so the provider's cached prefix covers the system prompt,
 * the schema and the paper, and none of them is paid for twice. The rewrite is kept only if it is
 * plainer and keeps every number (copied, or as a matching natural frequency)
 * without inventing one, and adds no advice or hype; otherwise the draft keeps
 * the original and the reviewer is told why. Both versions and both figures
 * are stored on the draft (Draft.simplify).
 */
import type OpenAI from 'openai';
import { layProse, readerFields } from '../checks/context.ts';
import { sourceFigures, unsupportedNumbers } from '../checks/number-presence.ts';
import { LONG_SENTENCE_WORDS } from '../checks/reading-level.ts';
import type { Config } from '../config/env.ts';
import type { SimplifyPass, Usage } from '../domain/draft.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';
import { type Prompt, renderPrompt } from '../llm/prompt.ts';
import { strictResponseFormat } from '../llm/response-format.ts';
import { hardWords, longSentences, readingFigures } from '../text/readability.ts';
import { callStructured } from './llm-call.ts';
import type { LlmGate } from './llm-gate.ts';
import { ModelSummary, ModelSummaryFormat, splitReply } from './model-summary.ts';
import { asData } from './prompt-values.ts';
import { rewriteProblem } from './simplify-guard.ts';

// The summarize call's own format: the schema opens the provider's cached prefix, so it must be the same.
const responseFormat = strictResponseFormat(ModelSummaryFormat, 'lay_summary');

/** The summarize call's rendered messages: the conversation the rewrite follows. */
export interface FirstCall {
  system: string;
  user: string;
  /** The model's answer as it gave it (JSON); without it, the summary itself. */
  reply?: string;
}

export interface SimplifyInput {
  summary: LaySummary;
  record: PaperRecord;
  targetGrade: number;
  /** The messages that wrote `summary`; without them, the summarize prompt rendered for `record` (no notes). */
  firstCall?: FirstCall;
}

export interface SimplifyOutcome {
  /** The summary the draft keeps: the rewrite, or the original. */
  summary: LaySummary;
  pass: SimplifyPass;
  usage: Usage;
  calls: number;
  costUsd: number;
  cacheHit: boolean;
}

export type Simplifier = (input: SimplifyInput) => Promise<SimplifyOutcome>;

export function figuresOf(summary: LaySummary): SimplifyPass['beforeFigures'] {
  const f = readingFigures(layProse(summary));
  return { grade: Math.round(f.grade * 10) / 10, hardWordShare: Math.round(f.hardWordShare * 1000) / 1000 };
}

export function simplifyValues(input: SimplifyInput): Record<string, string> {
  const text = layProse(input.summary);
  const f = figuresOf(input.summary);
  const long = longSentences(text, LONG_SENTENCE_WORDS).slice(0, 5);
  const hard = hardWords(text, 12);
  return {
    reading_target: String(input.targetGrade),
    grade: String(f.grade),
    hard_share: `${Math.round(f.hardWordShare * 100)}%`,
    long_sentences: long.length ? long.map((s) => `- ${asData(s)}`).join('\n') : '(none over 25 words)',
    hard_words: hard.length ? hard.join(', ') : '(none found)',
  };
}

export function createSimplifier(
  client: OpenAI,
  llm: Config['llm'],
  prompt: Prompt,
  firstCallFor: (record: PaperRecord) => FirstCall,
  gate?: LlmGate,
): Simplifier {
  return async (input) => {
    const rendered = renderPrompt(prompt, simplifyValues(input));
    const first = input.firstCall ?? firstCallFor(input.record);
    const reply = await callStructured(
      client,
      llm,
      {
        schema: ModelSummary,
        format: responseFormat,
        system: first.system,
        user: first.user,
        followUp: { reply: first.reply ?? JSON.stringify(input.summary), user: rendered.user },
        task: 'simplify this summary',
        promptVersion: prompt.version,
      },
      gate,
    );
    // Ratings and topics are the writer's judgement, not wording: never changed by a rewrite.
    // The rewrite's own source ids are not kept: the links come from the first draft's (./link-step.ts).
    const rewrite: LaySummary = {
      ...splitReply(reply.value).summary,
      ratings: input.summary.ratings,
      topics: input.summary.topics,
    };
    const pass = judgeRewrite(input.summary, rewrite, prompt.version);
    return {
      summary: pass.kept === 'rewrite' ? rewrite : input.summary,
      pass,
      usage: reply.usage,
      calls: reply.calls,
      costUsd: reply.costUsd,
      cacheHit: reply.cacheHit,
    };
  };
}

/** Keep the rewrite only if it is plainer and faithful to the original's numbers and claims. */
export function judgeRewrite(before: LaySummary, after: LaySummary, promptVersion: string): SimplifyPass {
  const beforeFigures = figuresOf(before);
  const afterFigures = figuresOf(after);
  const invented = unsupportedNumbers(
    readerFields(after),
    sourceFigures(
      readerFields(before)
        .map((f) => f.text)
        .join('\n'),
    ),
  );
  const lost = unsupportedNumbers(
    readerFields(before),
    sourceFigures(
      readerFields(after)
        .map((f) => f.text)
        .join('\n'),
    ),
  );
  const problem =
    (invented.length ? `the rewrite added numbers the draft did not have (${invented.join(', ')})` : '') ||
    (lost.length ? `the rewrite dropped or changed numbers (${lost.join(', ')})` : '') ||
    rewriteProblem(before, after) ||
    (afterFigures.grade >= beforeFigures.grade
      ? `the rewrite was not plainer (grade ${afterFigures.grade})`
      : '');
  return {
    promptVersion,
    before,
    beforeFigures,
    afterFigures,
    kept: problem ? 'original' : 'rewrite',
    reason: problem
      ? `Kept the original: ${problem}.`
      : `Rewritten from grade ${beforeFigures.grade} to ${afterFigures.grade}; every number kept.`,
  };
}
