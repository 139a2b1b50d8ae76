/**
 * The offline provider: builds a schema-valid draft from the abstract's own
 * sentences and the paper's metadata, with no model. It is labelled
 * `provider: extractive` everywhere and says so in its caveats, so no reviewer
 * mistakes it for AI output. Used for air-gapped runs, the demo and CI.
 */
import { type AbstractSection, abstractText, type PaperRecord } from '../domain/paper.ts';
import { placeholder } from '../domain/placeholder.ts';
import { LaySummary } from '../domain/summary.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { clip, STOPWORDS, sentences, takeSentences } from '../text/sentences.ts';
import type { SummarizeInput, SummarizeOutput, Summarizer } from './types.ts';

export const EXTRACTIVE_MODEL = 'extractive-v1';
/** Told to the reviewer on the desk; never part of the summary. */
export const EXTRACTIVE_NOTE =
  'This draft was assembled automatically from sentences of the abstract, without an AI model: rewrite it in plain language, and fill in the fields marked "Reviewer to write", before approving.';

function section(record: PaperRecord, pattern: RegExp): AbstractSection | undefined {
  return record.abstract.find((s) => pattern.test(`${s.label ?? ''} ${s.category ?? ''}`));
}

function topicsOf(record: PaperRecord): string[] {
  const seen = new Set<string>();
  const add = (t: string) => {
    const tag = t.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 60);
    if (tag.length >= 2 && seen.size < 8) seen.add(tag);
  };
  for (const k of record.keywords) add(k);
  if (seen.size < 3) {
    const words = `${record.title} ${abstractText(record)}`.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [];
    const counts = new Map<string, number>();
    for (const w of words) if (!STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w] of [...counts].sort((a, b) => b[1] - a[1])) {
      if (seen.size >= 3) break;
      add(w);
    }
  }
  for (const filler of ['research', 'health', 'science']) if (seen.size < 3) add(filler);
  return [...seen];
}

export function extractiveSummary(record: PaperRecord): LaySummary {
  const all = sentences(abstractText(record).replace(/^[A-Z][A-Z /&-]+: /gm, ''));
  const conclusion = section(record, /conclu|interpret|implication/i);
  const results = section(record, /result|finding/i);
  const takeawaySource = conclusion ? sentences(conclusion.text) : all.slice(-1);
  const findingsSource = results ? sentences(results.text) : all.slice(0, Math.max(1, all.length - 1));
  const level = evidenceLevel(record);
  const evidence = level.design ? { score: level.ceiling, design: level.design.plain } : null;
  const topics = topicsOf(record);
  const limitation = all.find((s) => /limitation|limited by|caution/i.test(s));
  const caveats = [
    evidence
      ? `This is ${evidence.design}, which limits how firmly its results can be applied to individual people.`
      : 'The study design could not be identified automatically; check the source before rating it.',
    ...(limitation ? [clip(limitation, 400)] : []),
  ];
  const headline = headlineOf(record.title);
  return LaySummary.parse({
    headline: clip(headline, 120),
    takeaway: padTo(takeSentences(takeawaySource, 400), 20, record.title),
    findings: padTo(
      takeSentences(findingsSource, 1400),
      50,
      `The study "${record.title}" reports its findings in the abstract.`,
    ),
    audience: placeholder(
      `who should care about this research and why (its topics: ${topics.slice(0, 3).join(', ')}).`,
    ),
    caveats,
    topics,
    ratings: {
      credibility: {
        score: evidence?.score ?? 3,
        rationale: evidence
          ? `Based on the study design: this is ${evidence.design}.`
          : placeholder('how much weight the evidence can bear (the study design was not recognized).'),
      },
      interest: {
        score: 3,
        rationale: placeholder('how much this matters to lay readers, and set the score.'),
      },
    },
  });
}

/** The title without its subtitle ("...: a randomised trial") and final full stop, when that still says something. */
function headlineOf(title: string): string {
  const main = title.replace(/\.$/, '');
  const beforeColon = main.split(/:\s/)[0] ?? main;
  const short = beforeColon.split(/\s+/).length >= 4 ? beforeColon : main;
  return short.length >= 10 ? short : `Research summary: ${short}`;
}

function padTo(text: string, min: number, fallback: string): string {
  return text.length >= min ? text : clip(`${text} ${fallback}`.trim(), 1400);
}

export function createExtractiveSummarizer(): Summarizer {
  return {
    provider: 'extractive',
    async summarize(input: SummarizeInput): Promise<SummarizeOutput> {
      return {
        summary: extractiveSummary(input.record),
        notesForReviewer: [EXTRACTIVE_NOTE],
        provenance: {
          provider: 'extractive',
          model: EXTRACTIVE_MODEL,
          promptVersion: null,
          usage: { promptTokens: 0, completionTokens: 0, cachedTokens: 0, totalTokens: 0 },
          llmCalls: 0,
          repairs: 0,
          createdAt: new Date().toISOString(),
        },
      };
    },
  };
}
