/**
 * Statistical significance read from figures alone (issue 18): p-values in
 * their written forms, confidence intervals against the null of a ratio (1)
 * or a difference (0), and a sentence cut into the parts each p-value
 * reports on. General sentences written for this test, none from a corpus.
 */
import { describe, expect, it } from 'vitest';
import { segmentSignificant, statSegments, stats } from '../../src/text/significance.ts';

const verdicts = (text: string) => stats(text).map((s) => s.significant);

describe('p-values', () => {
  it.each([
    ['Visits were 25% and 9% (P = .31).', [false]],
    ['Pain fell (p=0.4).', [false]],
    ['No change (P > .05).', [false]],
    ['Scores differed (p < 0.05).', [true]],
    ['Scores differed (p<0.001).', [true]],
    ['Scores differed (P less than 0.05).', [true]],
    ['Scores differed (P = 1.2 × 10−4).', [true]],
    ['Level predicted failure (p=1.7.10-8).', [true]],
    ['Borderline (p = 0.05).', [null]],
    ['Perhaps (p < 0.10).', [null]],
    ['Weights were similar (NS).', [false]],
  ])('%s', (text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });
});

describe('confidence intervals', () => {
  it.each([
    ['mean difference 0.4, 95% CI -0.2 to 1.0', [false]],
    ['mean difference -0.5 (95% CI −0.9 to −0.1)', [true]],
    ['OR 1.2 (0.8-1.9)', [false]],
    ['HR = 0.71 [0.55, 0.92]', [true]],
    ['risk ratio 1.37; 95% confidence interval (CI) [0.68 to 2.76]', [false]],
    ['a change of 2.1 points (95% CI, −1.1–1.2)', [false]],
    ['uptake 40.2% (RR1.16, CI 0.99–1.36)', [false]],
    // A mean and its interval, with no ratio or difference named and both ends positive: cannot be read.
    ['mean age 61 years (95% CI 58 to 64)', [null]],
  ])('%s', (text, expected) => {
    expect(verdicts(text)).toEqual(expected);
  });
});

describe('segments', () => {
  it('gives each outcome its own p-value', () => {
    const parts = statSegments(
      'Walking distance was 420 m versus 380 m (P = .002), and fatigue scores were 4.1 versus 4.3 (P = .48).',
    );
    expect(parts.map((p) => [p.text.includes('fatigue'), segmentSignificant(p)])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('keeps an estimate, its interval and its p-value together', () => {
    const parts = statSegments('Falls were fewer with exercise (RR 0.8, 95% CI 0.6 to 1.1, P = .17).');
    expect(parts).toHaveLength(1);
    expect(parts[0] && segmentSignificant(parts[0])).toBe(false);
  });

  it('reads no verdict for a change within groups or before treatment', () => {
    for (const text of [
      'Scores fell from baseline in both groups (P < .001).',
      'Weight did not differ between groups at baseline (P > .05).',
    ]) {
      const [part] = statSegments(text);
      expect(part && segmentSignificant(part)).toBeNull();
    }
  });

  it('reads one significant test in a bracket as significant', () => {
    const [part] = statSegments('Scores were 20, 25 and 30 (P = .30 for A vs B; P = .01 for A vs C).');
    expect(part && segmentSignificant(part)).toBe(true);
  });
});
