/**
 * The credibility check compares every rating with the evidence ceiling,
 * whoever wrote the draft: silent within it, a warning naming the design,
 * the ceiling and why above it, and a warning that a person must judge when
 * no design was recognized. Real abstracts from test/fixtures/readability.
 */
import { describe, expect, it } from 'vitest';
import { labelledRecord, loadDesignFixture } from '../../bench/evidence-designs.ts';
import { runChecks } from '../../src/checks/run-checks.ts';
import type { PaperRecord } from '../../src/domain/paper.ts';
import type { LaySummary } from '../../src/domain/summary.ts';
import { textRecord } from '../../src/sources/text.ts';
import { extractiveSummary } from '../../src/summarize/extractive-summarizer.ts';
import { promptValues } from '../../src/summarize/prompt-values.ts';
import { fixture } from '../support/harness.ts';

const pasted = (file: string) =>
  textRecord({ text: fixture(`readability/abstracts/${file}`), maxBytes: 1e6 });
const credibility = (summary: LaySummary, record: PaperRecord, provider: 'openai' | 'extractive' | 'human') =>
  runChecks(summary, record, undefined, provider).find((c) => c.id === 'credibility');
const rated = (summary: LaySummary, score: number): LaySummary => ({
  ...summary,
  ratings: { ...summary.ratings, credibility: { ...summary.ratings.credibility, score } },
});

describe('a faithful offline draft of a real abstract', () => {
  // A randomized trial, a systematic review, a case series, an animal study, a nested case-control study.
  const files = [
    'pmid-29768149.txt',
    'pmid-28786991.txt',
    'pmid-24792780.txt',
    'pmid-35196497.txt',
    'pmid-27797938.txt',
  ];
  it.each(files)('%s raises no credibility warning, as drafted or as edited by a person', (file) => {
    const record = pasted(file);
    const draft = extractiveSummary(record);
    for (const provider of ['extractive', 'human'] as const) {
      const check = credibility(draft, record, provider);
      expect(check?.status).toBe('pass');
      expect(check?.message).not.toMatch(/offline provider|judge the evidence yourself/i);
    }
  });
});

describe('a rating above the ceiling', () => {
  const hard = loadDesignFixture().hard;
  const singleArm = hard.find(
    (h) => h.design === 'single-arm' && h.publicationTypes?.includes('Randomized Controlled Trial'),
  );
  if (!singleArm) throw new Error('fixture lacks the single-arm trial tagged RCT');

  it('is flagged for any author, naming the design, the ceiling and the words it was read from', () => {
    const record = labelledRecord(singleArm);
    const draft = rated(extractiveSummary(record), 4);
    for (const provider of ['openai', 'extractive', 'human'] as const) {
      const check = credibility(draft, record, provider);
      expect(check?.status).toBe('warn');
      expect(check?.message).toMatch(
        /^Rated 4\/5, above the ceiling of 2\/5 for this paper: This is a trial in which everyone received the treatment, with no comparison group/,
      );
      expect(check?.message).toMatch(/although its publication type is "Randomized Controlled Trial"/);
      expect(check?.message).toMatch(/Lower the rating to 2 or less/);
    }
  });

  it('is flagged when a person raises the rating of a faithful offline draft', () => {
    const record = pasted('pmid-35196497.txt');
    const check = credibility(rated(extractiveSummary(record), 4), record, 'human');
    expect(check?.status).toBe('warn');
    expect(check?.message).toMatch(/ceiling of 2\/5 for this paper: This is a study in animals, not people/);
  });
});

describe('an unrecognized design', () => {
  const record = textRecord({
    text: 'Back pain\n\nBack pain is a common condition affecting millions of individuals each year, and a detailed history with a thorough workup excludes emergent causes before treatment begins with conventional therapies.',
    maxBytes: 1e6,
  });

  it('warns that a person must judge the evidence, even at a rating within the low ceiling', () => {
    const draft = extractiveSummary(record);
    expect(draft.ratings.credibility.score).toBe(2);
    const check = credibility(draft, record, 'extractive');
    expect(check?.status).toBe('warn');
    expect(check?.message).toMatch(
      /not recognized, so the ceiling is 2\/5 and a person must judge the evidence/,
    );
  });

  it('never tells the model the ceiling is 5/5', () => {
    const evidence = promptValues(record, null, null, 0).evidence ?? '';
    expect(evidence).not.toMatch(/5\/5/);
    expect(evidence).toMatch(/a person must judge[\s\S]*Credibility ceiling: 2\/5/);
  });
});
