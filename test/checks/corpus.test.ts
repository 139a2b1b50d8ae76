/**
 * Every check on its labelled corpus (test/fixtures/checks/*.json): the hard
 * cases from issue 9 must come out right, and the caught / false-flag rates
 * must not fall below what docs/checks.md reports.
 */
import { describe, expect, it } from 'vitest';
import { checkInput, loadCorpora, scoreCorpus } from '../../bench/check-corpus.ts';
import { CHECKS } from '../../src/checks/run-checks.ts';

const corpora = loadCorpora();

describe.each(corpora)('the $check check on its corpus', (corpus) => {
  const hard = corpus.items.filter((i) => i.hard);
  it.each(hard.length ? hard : [])('$id: $expect', (item) => {
    const outcome = CHECKS.map((c) => c(checkInput(item))).find((r) => r?.id === corpus.check);
    expect(outcome?.status !== undefined && outcome.status !== 'pass' ? 'flag' : 'pass').toBe(item.expect);
  });

  it('catches at least 85% of its problems with at most 25% false flags', () => {
    const s = scoreCorpus(corpus);
    expect(s.caught / s.problems).toBeGreaterThanOrEqual(0.85);
    expect(s.falseFlags.length / s.clean).toBeLessThanOrEqual(0.25);
  });
});

it('has a corpus for every check', () => {
  expect(corpora.map((c) => c.check).sort()).toEqual([
    'acronyms',
    'advice',
    'credibility',
    'lengths',
    'numbers',
    'placeholders',
    'promotional',
    'reading-level',
    'relevance',
  ]);
});
