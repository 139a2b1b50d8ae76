/**
 * The labelled check corpora (test/fixtures/checks/*.json): each item is a
 * draft (a neutral base summary with one field replaced, or a whole summary)
 * and a source, with the flag a careful reviewer expects. `scoreCorpus` runs
 * the check on every item and counts caught, missed and false flags; used by
 * `npm run eval` and by test/checks/corpus.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CheckInput } from '../src/checks/context.ts';
import { alignDraft } from '../src/checks/links.ts';
import { CHECKS } from '../src/checks/run-checks.ts';
import { PaperRecord } from '../src/domain/paper.ts';
import { LaySummary } from '../src/domain/summary.ts';
import { textRecord } from '../src/sources/text.ts';
import { extractiveSummary } from '../src/summarize/extractive-summarizer.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

export const CorpusItem = z.object({
  id: z.string(),
  origin: z.string(),
  expect: z.enum(['flag', 'pass']),
  text: z.string().optional(),
  field: z
    .enum(['headline', 'takeaway', 'findings', 'audience', 'caveats', 'credibility', 'interest'])
    .default('findings'),
  source: z.string().optional(),
  sourceFile: z.string().optional(),
  cochrane: z.number().int().nonnegative().optional(),
  publicationTypes: z.array(z.string()).optional(),
  journal: z.string().optional(),
  credibility: z.number().int().min(1).max(5).optional(),
  focus: z.array(z.string()).optional(),
  /** A whole draft instead of the base one, or 'extractive': the offline provider's draft of the source. */
  summary: z.union([z.literal('extractive'), LaySummary]).optional(),
  hard: z.boolean().optional(),
  note: z.string().optional(),
});
export type CorpusItem = z.infer<typeof CorpusItem>;
export const Corpus = z.object({ check: z.string(), about: z.string(), items: z.array(CorpusItem) });
export type Corpus = z.infer<typeof Corpus>;

/** Plain, faithful to nothing in particular: passes every check on its own. */
export const BASE_SUMMARY: LaySummary = {
  headline: 'Short walks after meals and blood sugar',
  takeaway: 'Short walks after meals may help people keep their blood sugar steady.',
  findings:
    'The researchers asked people how they felt after short walks. Most said the walks were easy to fit into the day.',
  audience: 'People who want simple ways to stay healthy, and the people who care for them.',
  caveats: ['The study was small, so the results may not apply to everyone.'],
  topics: ['walking', 'blood sugar', 'exercise'],
  ratings: {
    credibility: { score: 1, rationale: 'A small study, so we cannot be sure.' },
    interest: { score: 3, rationale: 'Many people could try this.' },
  },
};

const cochraneLines = () =>
  readFileSync(new URL('readability/cochrane_devaraj_test_100.source', FIXTURES), 'utf8').trim().split('\n');

export function itemRecord(item: CorpusItem): PaperRecord {
  let record: PaperRecord;
  if (item.sourceFile) {
    const text = readFileSync(new URL(`readability/${item.sourceFile}`, FIXTURES), 'utf8');
    record = textRecord({ text, maxBytes: 1e6 });
  } else {
    const cochrane = item.cochrane === undefined ? undefined : cochraneLines()[item.cochrane];
    record = PaperRecord.parse({
      title: cochrane ? 'A Cochrane systematic review' : 'A study',
      journal: cochrane ? 'Cochrane Database of Systematic Reviews' : null,
      publicationTypes: cochrane ? ['Systematic Review'] : [],
      abstract: [{ label: null, category: null, text: cochrane ?? item.source ?? 'No abstract.' }],
    });
  }
  return {
    ...record,
    ...(item.publicationTypes ? { publicationTypes: item.publicationTypes } : {}),
    ...(item.journal ? { journal: item.journal } : {}),
  };
}

export function itemSummary(item: CorpusItem, record: PaperRecord): LaySummary {
  const base = item.summary === 'extractive' ? extractiveSummary(record) : (item.summary ?? BASE_SUMMARY);
  const s: LaySummary = structuredClone(base);
  if (item.text !== undefined) {
    if (item.field === 'caveats') s.caveats = [item.text];
    else if (item.field === 'credibility') s.ratings.credibility.rationale = item.text;
    else if (item.field === 'interest') s.ratings.interest.rationale = item.text;
    else s[item.field] = item.text;
  }
  if (item.credibility !== undefined) s.ratings.credibility.score = item.credibility;
  return s;
}

export function checkInput(item: CorpusItem, target = 8): CheckInput {
  const record = itemRecord(item);
  const summary = itemSummary(item, record);
  return {
    summary,
    record,
    alignment: alignDraft(summary, record),
    profile: { readingTargetGrade: target, focus: item.focus ?? [] },
  };
}

export interface CorpusScore {
  check: string;
  problems: number;
  caught: number;
  missed: string[];
  clean: number;
  falseFlags: string[];
}

export function scoreCorpus(corpus: Corpus): CorpusScore {
  const score: CorpusScore = {
    check: corpus.check,
    problems: 0,
    caught: 0,
    missed: [],
    clean: 0,
    falseFlags: [],
  };
  for (const item of corpus.items) {
    const input = checkInput(item);
    const outcome = CHECKS.map((c) => c(input)).find((r) => r?.id === corpus.check);
    const flagged = outcome !== undefined && outcome !== null && outcome.status !== 'pass';
    if (item.expect === 'flag') {
      score.problems++;
      if (flagged) score.caught++;
      else score.missed.push(item.id);
    } else {
      score.clean++;
      if (flagged) score.falseFlags.push(item.id);
    }
  }
  return score;
}

export function loadCorpora(): Corpus[] {
  const dir = new URL('checks/', FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Corpus.parse(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
}
