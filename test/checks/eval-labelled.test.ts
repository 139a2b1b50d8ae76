/**
 * The eval harness on a few copied lines of each labelled corpus
 * (test/fixtures/labelled): labels map to flawed and faithful cases as
 * docs/checks.md says, the split is by a hash of the id, and the tallies add
 * up. The full corpora are measured by `npm run eval`, not here.
 */
import { describe, expect, it } from 'vitest';
import { isHeldOut } from '../../bench/labelled/cases.ts';
import { loadCases, tally } from '../../bench/labelled/score.ts';

const { cases, missing } = loadCases(new URL('../fixtures/labelled/', import.meta.url));

describe('the labelled-corpus harness', () => {
  it('turns each corpus into cases for the check it measures', () => {
    expect(missing).toEqual([]);
    const by = (corpus: string) => cases.filter((c) => c.corpus === corpus);
    // Check-COVID: SUPPORT is faithful, REFUTE flawed.
    expect(
      by('Check-COVID')
        .map((c) => c.expect)
        .sort(),
    ).toEqual(['flag', 'flag', 'pass']);
    // Evidence Inference: each finding faithful once and turned round once.
    const evidence = by('Evidence Inference');
    expect(evidence).toHaveLength(6);
    expect(evidence.find((c) => c.id === 'evinf2:11164:faithful')?.sentence).toBe(
      'Compared with Unfractionated heparin, LMWH made no significant difference to Recurrent venous thromboembolism.',
    );
    expect(evidence.find((c) => c.id === 'evinf2:11164:flipped')).toMatchObject({
      expect: 'flag',
      check: 'certainty',
    });
    // InfoLossQA: only sentences no expert marked, each faithful for three checks.
    const infoLoss = by('InfoLossQA');
    expect(infoLoss.length).toBeGreaterThan(0);
    expect(infoLoss.every((c) => c.expect === 'pass')).toBe(true);
    expect(infoLoss.some((c) => c.sentence.includes('for a test experiment'))).toBe(false);
    // Certainty: 3 or less is hedged ("flag"), 5 or more certain.
    expect(by('Certainty in Science Communication').every((c) => c.check === 'hedges')).toBe(true);
  });

  it('splits by a hash of the id, the same every time, holding out about 30%', () => {
    expect(isHeldOut('evinf2:11164')).toBe(false);
    const ids = Array.from({ length: 2000 }, (_, i) => `id:${i}`);
    const share = ids.filter(isHeldOut).length / ids.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
  });

  it('counts every case once, as caught or missed, or as flagged or not', () => {
    const rows = tally(cases);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    expect(sum((r) => r.flawed + r.faithful)).toBe(cases.length);
    expect(sum((r) => r.flawed)).toBe(cases.filter((c) => c.expect === 'flag').length);
    // The flipped heparin finding ("LMWH increased ...", source: "as effective as") is caught.
    const certainty = rows.find((r) => r.check === 'certainty' && r.corpus === 'Evidence Inference');
    expect(certainty?.caught).toBeGreaterThanOrEqual(1);
  });
});
