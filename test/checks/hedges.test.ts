/**
 * The hedge reading (./src/checks/hedges.ts), on findings written by others
 * and rated for certainty by readers (Certainty in Science Communication,
 * Pei & Jurgens 2021, MIT). Each hedged case here was read as certain, and
 * each certain case as hedged, before this change.
 */
import { describe, expect, it } from 'vitest';
import { isUncertain } from '../../src/checks/hedges.ts';

describe('the hedge reading', () => {
  it.each([
    'Only roughly 16,000 people reported earning more than $10 million in 2016.',
    'Additional research is warranted to confirm the results of this study in other samples and populations.',
    'The evidence is limited due to high risk of bias within the studies and substantial between-study variation.',
    'A loose, rocky core with 20 to 30% empty space would do the trick.',
  ])('reads as hedged: %s', (sentence) => {
    expect(isUncertain(sentence)).toBe(true);
  });

  it.each([
    'Patients in intervention practices were more likely to have at least one diabetes appointment recorded.',
    'Higher coffee consumption was associated with a lower risk of liver cancer.',
  ])('reads as certain (a measure or a firm association is not a hedge): %s', (sentence) => {
    expect(isUncertain(sentence)).toBe(false);
  });
});
