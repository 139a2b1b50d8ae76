/**
 * Polarity against the source (issue 18, fourth round): a draft sentence
 * that denies what the source sentence it restates says ("Cats cannot catch
 * the virus", "there is little evidence that...", "X is unrelated to Y"), or
 * states what that sentence denies, is flagged, naming both; a faithful
 * denial ("did not change"), a null result told as "similar", a comparison
 * with "no treatment", "not only", and background on what is not yet known
 * are not. Also: "laboratory-confirmed cases" are people, not a lab study,
 * and "made no difference" claims no cause. The abstracts are written for
 * these tests; each flawed sentence passed, and each of the two wrong
 * readings was flagged, before this change (the faithful cases guard the
 * new rule against the denials it must leave alone).
 */
import { describe, expect, it } from 'vitest';
import { certaintyOn } from '../support/certainty.ts';

const flags = (sentence: string, abstract: string) => certaintyOn(sentence, abstract);

const cats =
  'We inoculated domestic cats with the virus and housed them beside uninfected cats. Infected cats shed virus from the nose for five days, and the virus was transmitted by respiratory droplets to two of three uninfected cats in neighbouring cages.';
const walking =
  'We followed 2,000 adults for ten years. Regular walking was associated with a lower risk of heart disease in adults over 60. Walking did not change blood pressure in younger adults, and cholesterol levels were similar in walkers and non-walkers.';

describe('a draft that denies what its source states', () => {
  it.each([
    ['cannot', 'Cats cannot pass the virus to other cats by respiratory droplets.'],
    ['fails to', 'The virus fails to spread by respiratory droplets between cats.'],
    ['little evidence', 'There is little evidence that regular walking is linked to heart disease risk.'],
    ['unrelated', 'The risk of heart disease in adults over 60 is unrelated to regular walking.'],
  ])('flags a denial with "%s"', (_, sentence) => {
    const found = flags(sentence, sentence.includes('ats') || sentence.includes('virus') ? cats : walking);
    expect(found).toHaveLength(1);
    expect(found[0]?.differs).toMatch(/denies/);
    expect(found[0]?.source.length).toBeGreaterThan(0);
  });

  it('flags a statement of what the source denies, naming the clause', () => {
    const found = flags('Walking changed blood pressure in younger adults.', walking);
    expect(found[0]?.differs).toMatch(/source sentence denies it.*did not change/);
  });

  it('passes faithful denials, null results and comparisons', () => {
    expect(flags('Walking did not change blood pressure in younger adults.', walking)).toEqual([]);
    expect(flags('Walkers and non-walkers had about the same cholesterol levels.', walking)).toEqual([]);
    expect(
      flags(
        'Compared with no walking, regular walking was linked to a lower risk of heart disease in adults over 60.',
        walking,
      ),
    ).toEqual([]);
    expect(
      flags('Not only did infected cats shed the virus, they passed it to cats in neighbouring cages.', cats),
    ).toEqual([]);
    expect(
      flags(
        'Walking may lower the risk of heart disease in older adults.',
        'Whether walking lowers the risk of heart disease in older adults has not been studied in large cohorts. We followed 2,000 adults over 60; walking was associated with a lower risk of heart disease.',
      ),
    ).toEqual([]);
  });
});

describe('readings that were wrong', () => {
  it('reads laboratory-confirmed cases as people, not a laboratory study', () => {
    expect(
      flags(
        'Most people admitted to hospital with the infection needed oxygen.',
        'We reviewed 300 laboratory-confirmed cases admitted to hospital with the infection. Most people admitted needed oxygen.',
      ),
    ).toEqual([]);
  });

  it('reads "made no difference" as no cause', () => {
    expect(
      flags(
        'Compared with usual care, the reminder letters made no significant difference to flu vaccine uptake.',
        'Reminder letters were not associated with flu vaccine uptake compared with usual care (no significant difference, p = 0.4).',
      ),
    ).toEqual([]);
  });
});

describe('"only" and a claim joined from two sentences', () => {
  const spread =
    'We traced 120 people infected by someone without symptoms at the time. Infected people passed the virus on before their symptoms began and after, by droplets and by close contact.';

  it('flags "only" that limits a finding the source does not limit', () => {
    const found = flags('Infected people passed the virus on only after their symptoms began.', spread);
    expect(found[0]?.differs).toMatch(/limits it \("only after their symptoms/);
  });

  it('passes "only" before an amount, and "only" the source says', () => {
    expect(flags('Only a small share of people passed the virus on before symptoms began.', spread)).toEqual(
      [],
    );
    expect(
      flags(
        'The virus spread only by close contact.',
        'We traced 120 infections in one town. The virus spread only by close contact between household members.',
      ),
    ).toEqual([]);
  });

  it('reads a denial against the sentences a claim joins, none of which it restates alone', () => {
    const found = flags(
      'Approved medicines given in winter never lowered hospital admissions among older people.',
      'We studied approved medicines. They were given in winter. Hospital admissions fell by a third. Older people took part.',
    );
    expect(found[0]?.differs).toMatch(/denies/);
  });
});
