/**
 * The offline provider: builds a schema-valid draft from the abstract's own
 * sentences and the paper's metadata, with no model. Its takeaway is the
 * abstract's main conclusion and its findings the plainest sentences of the
 * results (verbatim); it strips registry and truncation markers, names the
 * study design in plain words only when it was recognized, rates credibility
 * at the evidence ceiling, and tells the reviewer (notesForReviewer, never a
 * published field) what it could not do.
 * Labelled `provider: extractive` everywhere; used offline, in the demo and CI.
 */
import type { SiteProfile } from '../config/env.ts';
import { type AbstractSection, abstractText, type PaperRecord } from '../domain/paper.ts';
import { placeholder } from '../domain/placeholder.ts';
import { LaySummary } from '../domain/summary.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { readingFigures } from '../text/readability.ts';
import { clip, sentences, takeSentences } from '../text/sentences.ts';
import { designCaveat, mainConclusion } from './extractive-conclusion.ts';
import { topicsOf } from './extractive-topics.ts';
import type { SummarizeInput, SummarizeOutput, Summarizer } from './types.ts';

export const EXTRACTIVE_MODEL = 'extractive-v1';
/** Told to the reviewer on the desk; never part of the summary. */
export const EXTRACTIVE_NOTE =
  'This draft was assembled automatically from sentences of the abstract, without an AI model: rewrite it in plain language, and fill in the fields marked "Reviewer to write", before approving.';
/** The caveat when the design was not recognized and the abstract states no limitation: true of every offline draft. */
export const FROM_THE_ABSTRACT =
  'This summary is drawn from the abstract alone; the full paper may describe limitations the abstract does not mention.';
export const TITLE_HEADLINE_NOTE =
  "The headline is the paper's own title, not a lay headline: rewrite it in plain words.";

/** Lines and phrases that are about the record, not the research. */
const MARKERS = [
  /\bABSTRACT TRUNCATED AT \d+ WORDS\.?/gi,
  /\((?:Funded|Supported) by [^()]*(?:\([^()]*\)[^()]*)*\)\.?/gi,
  /\b(?:Clinical ?Trials\.gov|ISRCTN|ANZCTR|PROSPERO|EudraCT|ChiCTR|UMIN|DRKS)\b[^.]*(?:\.|$)/gi,
  /\b(?:NCT\d{8}|CRD\d{6,})\b\.?/g,
  /(?:Copyright )?(?:©|\(c\))\s*\d{4}[^.]*\./gi,
];
const REGISTRY_SECTION = /regist|funding|copyright|disclosure|conflict/i;

export function cleanAbstract(record: PaperRecord): AbstractSection[] {
  return record.abstract
    .filter((s) => !REGISTRY_SECTION.test(`${s.label ?? ''} ${s.category ?? ''}`))
    .map((s) => ({
      ...s,
      text: MARKERS.reduce((t, m) => t.replace(m, ''), s.text)
        .replace(/\s+/g, ' ')
        .trim(),
    }))
    .filter((s) => /\w{3}/.test(s.text));
}

function section(parts: AbstractSection[], pattern: RegExp): AbstractSection | undefined {
  return parts.find((s) => pattern.test(`${s.label ?? ''} ${s.category ?? ''}`));
}

/** How hard a sentence is: its grade, plus a penalty for statistics a lay reader skips. */
function difficulty(s: string): number {
  const stats = (s.match(/\d|[%=<>±]|\bCI\b|\bP\b/g) ?? []).length;
  return readingFigures(s).grade + stats * 0.3;
}

/** The `n` plainest sentences, in their original order. */
export function plainest(list: readonly string[], n: number): string[] {
  const keep = new Set(
    list
      .map((s, i) => ({ i, d: difficulty(s) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, n)
      .map((x) => x.i),
  );
  return list.filter((_, i) => keep.has(i));
}

export function extractiveSummary(record: PaperRecord): LaySummary {
  const parts = cleanAbstract(record);
  const all = sentences(abstractText({ abstract: parts }).replace(/^[A-Z][A-Z /&-]+: /gm, ''));
  const results = section(parts, /result|finding/i);
  const takeawaySource = mainConclusion(parts, all);
  const findingsSource = plainest(
    (results ? sentences(results.text) : all).filter((s) => !takeawaySource.includes(s)),
    3,
  );
  const level = evidenceLevel(record);
  const topics = topicsOf(record);
  const limitation = all.find((s) => /limitation|limited by|caution/i.test(s));
  // Study-type wording only from a recognized design: nothing is said about a design LaySum could not read.
  const caveats = [
    ...(level.design ? [designCaveat(level.design)] : []),
    ...(limitation ? [clip(limitation, 400)] : []),
  ];
  return LaySummary.parse({
    headline: clip(headlineOf(record.title), 120),
    takeaway: padTo(takeSentences(takeawaySource, 400), 20, record.title),
    findings: padTo(
      takeSentences(findingsSource, 1400),
      50,
      `The study "${record.title}" reports its findings in the abstract.`,
    ),
    audience: placeholder(
      `who should care about this research and why (its topics: ${topics.slice(0, 3).join(', ')}).`,
    ),
    caveats: caveats.length ? caveats : [FROM_THE_ABSTRACT],
    topics,
    ratings: {
      credibility: {
        score: level.ceiling,
        rationale: level.design
          ? clip(`Based on the study design alone: ${level.reason}`, 400)
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

export function createExtractiveSummarizer(site?: SiteProfile): Summarizer {
  return {
    provider: 'extractive',
    ...(site ? { profile: site } : {}),
    async summarize(input: SummarizeInput): Promise<SummarizeOutput> {
      return {
        summary: extractiveSummary(input.record),
        notesForReviewer: [EXTRACTIVE_NOTE, TITLE_HEADLINE_NOTE],
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
