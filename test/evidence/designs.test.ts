/**
 * Study-design recognition held to a person's reading of real abstracts
 * (test/fixtures/evidence/designs.json): the hard cases from issue 18 exactly,
 * and the labelled records as a whole, where a design that allows a higher
 * ceiling than the abstract deserves is the failure that matters.
 */
import { describe, expect, it } from 'vitest';
import { labelledRecord, loadDesignFixture, scoreDesigns } from '../../bench/evidence-designs.ts';
import { evidenceLevel } from '../../src/evidence/ceiling.ts';

const fixture = loadDesignFixture();

describe('the hard cases of issue 18', () => {
  it.each(fixture.hard)('$case: $design, ceiling $ceiling', (item) => {
    const level = evidenceLevel(labelledRecord(item));
    expect(level.design?.id ?? null).toBe(item.design);
    expect(level.ceiling).toBe(item.ceiling);
  });
});

describe('designs judged by reading real abstracts', () => {
  it('agrees with the reading on at least 90% of the records, and never allows a ceiling above it but once', () => {
    const score = scoreDesigns(fixture.items);
    expect(score.items).toBeGreaterThanOrEqual(250);
    expect(score.fair / score.items).toBeGreaterThanOrEqual(0.9);
    // The one: an essay on prevention policy with no design words, left unknown (2) where it deserves 1.
    expect(score.overCeiling).toEqual(['pubmed:26668919: null over opinion']);
  });

  it('agrees on at least 85% of the records labelled before the rules were run on them', () => {
    const score = scoreDesigns(fixture.items.filter((i) => i.set === 'held-out'));
    expect(score.fair / score.items).toBeGreaterThanOrEqual(0.85);
    expect(score.overCeiling).toEqual([]);
  });
});
