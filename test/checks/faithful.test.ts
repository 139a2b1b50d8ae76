/**
 * A faithful, plain draft of a real abstract raises no warning (issue 18):
 * warnings on good drafts teach reviewers to ignore them. The abstract is a
 * real PubMed record (shared/realdata/abstracts, copied to
 * test/fixtures/abstracts); the drafts were written for this test to say
 * what it says, in plain words, with its figures. Each case here was flagged
 * by the checks before this change.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import type { LaySummary } from '../../src/domain/summary.ts';
import { textRecord } from '../../src/sources/text.ts';
import { extractiveSummary } from '../../src/summarize/extractive-summarizer.ts';
import { fixture } from '../support/harness.ts';

const asthma = textRecord({ text: fixture('abstracts/pmid-29768149.txt'), maxBytes: 1e6 });

/** Warnings a reviewer would see: every check that did not pass, with its message. */
const warnings = (draft: LaySummary, provider: 'openai' | 'extractive' | 'human') =>
  runChecks(draft, asthma, undefined, provider)
    .filter((c) => c.status !== 'pass')
    .map((c) => `${c.id}: ${c.message}`);

const plainDraft: LaySummary = {
  headline: 'An asthma inhaler used only when needed, tested for a year',
  takeaway:
    'In mild asthma, a mixed steroid inhaler used only when needed worked better than a quick-relief inhaler alone. It did not work as well as a steroid inhaler taken every day.',
  findings:
    'The trial followed 3849 people aged 12 or older with mild asthma for 52 weeks. Asthma was well controlled in 34.4% of weeks with the mixed inhaler. It was 31.1% with the quick-relief inhaler alone and 44.4% with a daily steroid inhaler. Bad asthma attacks were less common with either steroid inhaler than with quick relief alone. People using the mixed inhaler when needed took much less steroid: about 17% of the daily dose.',
  audience:
    'People with mild asthma and their families may want to know about this. So may the nurses and doctors who care for them.',
  caveats: [
    'The trial was paid for by the company that makes the inhalers.',
    'Only people with mild asthma took part. The results may not apply to people with worse asthma.',
  ],
  topics: ['asthma', 'inhalers', 'steroids'],
  ratings: {
    credibility: {
      score: 4,
      rationale: 'A large trial that put people into groups by chance and ran for a year.',
    },
    interest: { score: 4, rationale: 'Many people live with mild asthma.' },
  },
};

describe('a faithful, plain draft of a real abstract', () => {
  it.each(['openai', 'human'] as const)('raises no warning when written by %s', (provider) => {
    expect(warnings(plainDraft, provider)).toEqual([]);
  });

  it('is not read as two figures swapped between groups when it names the groups in plain words', () => {
    // "31.1%" and "44.4%" sit in one source sentence beside "terbutaline" and "budesonide maintenance";
    // the draft says "quick-relief inhaler" and "daily steroid inhaler".
    const numbers = runChecks(plainDraft, asthma).find((c) => c.id === 'numbers');
    expect(numbers?.status).toBe('pass');
  });

  it('still flags the same draft with two figures swapped', () => {
    const swapped = {
      ...plainDraft,
      findings:
        'Asthma was well controlled in 31.1% of weeks with budesonide-formoterol and in 34.4% of weeks with terbutaline.',
    };
    expect(warnings(swapped, 'openai').join('\n')).toMatch(/numbers: .*swapped/);
  });
});

describe('an offline draft a reviewer edited into plain words', () => {
  const offline = extractiveSummary(asthma);
  // The reviewer rewrote the prose and kept the offline provider's ratings, topics and caveat.
  const edited: LaySummary = {
    ...offline,
    headline: plainDraft.headline,
    takeaway: plainDraft.takeaway,
    findings: plainDraft.findings,
    audience: plainDraft.audience,
    ratings: { ...offline.ratings, interest: plainDraft.ratings.interest },
  };

  it('says nothing about a credibility rating within the ceiling, and raises no other warning', () => {
    expect(offline.ratings.credibility.score).toBe(4);
    expect(warnings(edited, 'human')).toEqual([]);
  });

  it('never reads figures copied with their words as "swapped" (an odds ratio and its "95% CI")', () => {
    const pesticides = textRecord({ text: fixture('abstracts/pmid-28775130.txt'), maxBytes: 1e6 });
    const copied = extractiveSummary(pesticides);
    expect(copied.findings).toMatch(/95% CI/);
    const numbers = runChecks(copied, pesticides, undefined, 'extractive').find((c) => c.id === 'numbers');
    expect(numbers?.message).not.toMatch(/swapped/);
  });
});
