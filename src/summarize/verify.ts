/**
 * The LLM verifier (LLM_VERIFY=true): one structured call per draft, with
 * its own versioned prompt (prompts/verify.md), that labels every draft
 * sentence supported / overgeneralised / not in the source / contradicts and
 * names the source sentences it compared. Its answer is checked before it is
 * stored: a verdict for a draft sentence that does not exist, a source id
 * that does not exist, a second verdict for one sentence, and sentences left
 * without a verdict are set aside and named in `problems`. The call goes
 * through the same gate as every call (limits, ledger, cost, cache).
 */
import type OpenAI from 'openai';
import { z } from 'zod';
import type { Config } from '../config/env.ts';
import type { Usage } from '../domain/draft.ts';
import type { SentenceLink, SourceSentence } from '../domain/links.ts';
import { type Verdict, VerdictLabel, type Verification } from '../domain/verification.ts';
import { type Prompt, renderPrompt } from '../llm/prompt.ts';
import { strictResponseFormat } from '../llm/response-format.ts';
import { numberedLines, withinBudget } from '../text/source-sentences.ts';
import { callStructured } from './llm-call.ts';
import type { LlmGate } from './llm-gate.ts';
import { asData } from './prompt-values.ts';

/** What the model answers: plain integers and strings only, so OpenAI's strict mode takes the schema. */
export const VerifierReply = z.object({
  verdicts: z
    .array(
      z.object({
        sentence: z.number().int().describe('The draft sentence number (the number after D)'),
        label: VerdictLabel,
        sources: z
          .array(z.number().int())
          .describe('Numbers of the source sentences compared (the numbers after S), most relevant first'),
        why: z.string().describe('What differs, quoting both sides; empty when supported'),
      }),
    )
    .describe('One verdict per draft sentence, in draft order'),
});
export type VerifierReply = z.infer<typeof VerifierReply>;

const responseFormat = strictResponseFormat(VerifierReply, 'sentence_verdicts');

export interface VerifyInput {
  /** The draft's sentences, as its links name them (field, sentence, text), in reading order. */
  sentences: readonly SentenceLink[];
  /** The source sentences the verifier may cite (title, abstract, full text within the budget). */
  source: readonly SourceSentence[];
}

export interface VerifyOutcome {
  verification: Verification;
  usage: Usage;
  calls: number;
  costUsd: number;
  cacheHit: boolean;
}

export interface Verifier {
  /** prompts/verify.md's version: stored with the verdicts, and with a failure. */
  promptVersion: string;
  verify(input: VerifyInput): Promise<VerifyOutcome>;
}

export function verifyValues(input: VerifyInput): Record<string, string> {
  const draft = input.sentences.map((s, i) => `D${i + 1} (${s.field}): ${s.text}`);
  return {
    source_sentences: asData(numberedLines(input.source) || '(no source text)'),
    draft_sentences: asData(draft.join('\n')),
  };
}

export function createVerifier(
  client: OpenAI,
  llm: Config['llm'],
  prompt: Prompt,
  fullTextBudget: number,
  gate?: LlmGate,
): Verifier {
  const verify = async (whole: VerifyInput): Promise<VerifyOutcome> => {
    const input = { ...whole, source: withinBudget(whole.source, fullTextBudget) };
    const rendered = renderPrompt(prompt, verifyValues(input));
    const reply = await callStructured(
      client,
      llm,
      {
        schema: VerifierReply,
        format: responseFormat,
        system: rendered.system,
        user: rendered.user,
        task: 'check this summary against the paper',
        promptVersion: prompt.version,
      },
      gate,
    );
    const { verdicts, problems } = judgeVerdicts(reply.value, input);
    return {
      verification: { promptVersion: prompt.version, model: reply.model, status: 'done', problems, verdicts },
      usage: reply.usage,
      calls: reply.calls,
      costUsd: reply.costUsd,
      cacheHit: reply.cacheHit,
    };
  };
  return { promptVersion: prompt.version, verify };
}

const named = (s: SentenceLink) => `${s.field} sentence ${s.sentence + 1}`;

/** The reply's verdicts on real draft sentences with real source ids; everything set aside is named. */
export function judgeVerdicts(
  reply: VerifierReply,
  input: VerifyInput,
): { verdicts: Verdict[]; problems: string[] } {
  const known = new Set(input.source.map((s) => s.id));
  const problems: string[] = [];
  const byNumber = new Map<number, Verdict>();
  for (const v of reply.verdicts) {
    const target = input.sentences[v.sentence - 1];
    if (!target) {
      problems.push(`a verdict for draft sentence D${v.sentence}, which does not exist, was set aside`);
      continue;
    }
    if (byNumber.has(v.sentence)) {
      problems.push(`a second verdict for ${named(target)} was set aside (the first is kept)`);
      continue;
    }
    const sources = [...new Set(v.sources.filter((id) => known.has(id)))];
    const unknownSources = [...new Set(v.sources.filter((id) => !known.has(id)))];
    if (unknownSources.length)
      problems.push(
        `the verdict on ${named(target)} named source sentence${unknownSources.length > 1 ? 's' : ''} ${unknownSources.join(', ')}, which ${unknownSources.length > 1 ? 'do' : 'does'} not exist`,
      );
    byNumber.set(v.sentence, {
      field: target.field,
      sentence: target.sentence,
      text: target.text,
      label: v.label,
      sources,
      unknownSources,
      why: v.label === 'supported' ? '' : v.why.trim(),
    });
  }
  const missing = input.sentences.filter((_, i) => !byNumber.has(i + 1));
  if (missing.length)
    problems.push(
      `no verdict for ${missing.map(named).join(', ')}: read ${missing.length > 1 ? 'them' : 'it'} yourself`,
    );
  const verdicts = [...byNumber.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  return { verdicts, problems };
}
