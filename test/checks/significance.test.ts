/**
 * "No significant difference" stated in figures alone (issue 18): a draft
 * sentence that states a direction for an outcome whose source sentence
 * reports it only as figures with a non-significant p-value or confidence
 * interval is flagged by the certainty check, naming the statistic. General
 * abstracts written for this test, none from a corpus; each flagged case
 * was missed before this change.
 */
import { describe, expect, it } from 'vitest';
import { certaintyOn } from '../support/certainty.ts';

const differs = (sentence: string, abstract: string) =>
  certaintyOn(sentence, abstract, 'A randomised trial')
    .map((f) => f.differs)
    .join('\n');

const METHODS = 'Adults with knee pain were randomly assigned to ginger or placebo for 8 weeks.';

describe('a direction where the figures show no significant difference', () => {
  it.each([
    [
      'a p-value above 0.05 with the figures alone',
      'Compared with placebo, ginger reduced pain scores.',
      `${METHODS} Pain scores at 8 weeks were 3.1 with ginger and 3.4 with placebo (P = .31).`,
      /no significant difference \(P = \.31\); the draft states a decrease/,
    ],
    [
      'a mean difference whose interval includes 0',
      'Compared with placebo, ginger reduced systolic blood pressure.',
      `${METHODS} The mean difference in systolic blood pressure was 0.4 mmHg (95% CI -0.2 to 1.0).`,
      /no significant difference \(95% CI -0\.2 to 1\.0\)/,
    ],
    [
      'an odds ratio whose interval includes 1',
      'Compared with placebo, ginger increased hospital readmission.',
      `${METHODS} Hospital readmission: 12% with ginger and 10% with placebo, OR 1.2 (0.8-1.9).`,
      /no significant difference \(OR 1\.2 \(0\.8-1\.9\)\)/,
    ],
    [
      'one-sided "P > .05"',
      'Compared with placebo, ginger improved sleep quality.',
      `${METHODS} Sleep quality scores were 61 and 58 (P > .05).`,
      /no significant difference \(P > \.05\)/,
    ],
    [
      'a "trend towards" with p above 0.05',
      'Compared with placebo, ginger reduced falls.',
      `${METHODS} There was a trend towards fewer falls with ginger (p = 0.07).`,
      /no significant difference \(p = 0\.07\)/,
    ],
    [
      'the outcome of several whose own p-value is above 0.05',
      'Compared with placebo, ginger reduced fatigue scores.',
      `${METHODS} Walking distance was 420 m with ginger and 380 m with placebo (P = .002), and fatigue scores were 4.1 versus 4.3 (P = .48).`,
      /no significant difference \(P = \.48\)/,
    ],
    [
      'a p-value after an interval it cannot read (a proportion and its CI)',
      'Compared with placebo, ginger improved hearing.',
      `${METHODS} Hearing improved in 67% (95% CI 53 to 79%) with ginger and in 54% with placebo (P = 0.109).`,
      /no significant difference \(P = 0\.109\)/,
    ],
    [
      'beside a significant change within each group',
      'Compared with placebo, ginger reduced pain scores.',
      `${METHODS} Pain scores fell from baseline with ginger and with placebo (P < .001). Pain scores at 8 weeks were 3.1 with ginger and 3.4 with placebo (P = .31).`,
      /no significant difference \(P = \.31\)/,
    ],
    [
      "where the only words in the draft's direction define the outcome",
      'Compared with placebo, ginger improved knee pain.',
      `${METHODS} The primary outcome was the share of patients whose knee pain improved. Knee pain improved in 40% with ginger and 35% with placebo (P = .42).`,
      /no significant difference \(P = \.42\)/,
    ],
  ])('is flagged: %s', (_, sentence, abstract, expected) => {
    expect(differs(sentence, abstract)).toMatch(expected);
  });
});

describe('a direction the figures support, or cannot judge', () => {
  it.each([
    [
      'p below 0.05',
      'Compared with placebo, ginger reduced pain scores.',
      `${METHODS} Pain scores at 8 weeks were 2.1 with ginger and 3.4 with placebo (p < 0.05).`,
    ],
    [
      'the outcome of several whose own p-value is below 0.05',
      'Compared with placebo, ginger increased walking distance.',
      `${METHODS} Walking distance was 420 m with ginger and 380 m with placebo (P = .002), and fatigue scores were 4.1 versus 4.3 (P = .48).`,
    ],
    [
      'a p-value that cannot be judged at 0.05 (p < 0.10)',
      'Compared with placebo, ginger reduced falls.',
      `${METHODS} Falls were 10 with ginger and 17 with placebo (p < 0.10).`,
    ],
    [
      'two groups in one clause, one significant and one not',
      'Compared with placebo, ginger and turmeric reduced fasting glucose.',
      'Adults were randomly assigned to ginger, turmeric or placebo. Fasting glucose was 8% lower after ginger (p > 0.05) and 15% lower after turmeric (p < 0.01) compared with placebo.',
    ],
    [
      'a non-significant difference before treatment',
      'Compared with placebo, ginger reduced body weight.',
      `${METHODS} Body weight did not differ between groups before the intervention (P > 0.05). After 8 weeks, body weight fell by 3 kg with ginger and rose by 1 kg with placebo (P = .001).`,
    ],
  ])('is not flagged: %s', (_, sentence, abstract) => {
    expect(differs(sentence, abstract)).not.toMatch(/no significant difference/);
  });
});
