/** Reading-level formulas: sentence splitting hard cases, Dale-Chall words, and agreement with Fathom. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hardWords, isFamiliar, longSentences, readingFigures } from '../../src/text/readability.ts';
import { sentences } from '../../src/text/sentences.ts';
import { fathomAvailable, fathomGrades } from '../support/fathom.ts';

const dir = new URL('../fixtures/readability/', import.meta.url);
const lines = (file: string) => readFileSync(new URL(file, dir), 'utf8').trim().split('\n');

describe('sentences', () => {
  it('breaks before bullets, digits and lower case', () => {
    expect(sentences('Findings:\n- fewer falls\n- less pain')).toEqual([
      'Findings:',
      '- fewer falls',
      '- less pain',
    ]);
    expect(sentences('It rose. 22 people died. then it fell.')).toEqual([
      'It rose.',
      '22 people died.',
      'then it fell.',
    ]);
  });

  it('does not break after e.g., vs., U.S., et al. or a genus initial', () => {
    expect(
      sentences('Some drugs, e.g. statins, helped. Drug vs. placebo was tested in the U.S. and Canada.'),
    ).toEqual(['Some drugs, e.g. statins, helped.', 'Drug vs. placebo was tested in the U.S. and Canada.']);
    expect(
      sentences('Smith et al. found that P. falciparum and E. coli grew. Then it stopped.'),
    ).toHaveLength(2);
  });

  it('breaks after a single letter that ends a sentence', () => {
    expect(sentences('They took vitamin D. The trial ended.')).toHaveLength(2);
  });

  it('keeps decimals written with a middle dot or a point', () => {
    expect(sentences('The rate was 34·4 per 1000 (95% CI 1.2-3.4). Next.')).toHaveLength(2);
  });
});

describe('Dale-Chall familiar words', () => {
  it('accepts regular inflections and flags rare words', () => {
    expect(isFamiliar('doctors')).toBe(true);
    expect(isFamiliar('helped')).toBe(true);
    expect(isFamiliar('pharmacokinetics')).toBe(false);
    expect(hardWords('The pharmacokinetics of pharmacokinetics and the heterogeneity.', 5)).toEqual([
      'pharmacokinetics',
      'heterogeneity',
    ]);
  });

  it('separates human lay summaries from their sources better than Flesch-Kincaid', () => {
    const source = lines('cochrane_devaraj_test_100.source').map(readingFigures);
    const lay = lines('cochrane_devaraj_test_100.target').map(readingFigures);
    const separated = (k: 'grade' | 'hardWordShare') =>
      source.filter((s, i) => s[k] > (lay[i]?.[k] ?? 0)).length;
    expect(separated('hardWordShare')).toBeGreaterThan(separated('grade'));
  });

  it('names long sentences', () => {
    const long = `${'word '.repeat(30).trim()}. Short one.`;
    expect(longSentences(long, 25)).toHaveLength(1);
  });
});

describe.skipIf(!fathomAvailable)('agreement with Lingua::EN::Fathom', () => {
  it('is within 0.5 grade on at least 90% of real texts', () => {
    const abstracts = readdirSync(new URL('abstracts/', dir)).map((f) =>
      readFileSync(new URL(`abstracts/${f}`, dir), 'utf8')
        .split('\n\n')
        .slice(1)
        .join('\n')
        .replace(/^[A-Z][A-Z /&-]+: /gm, ''),
    );
    const texts = [
      ...abstracts,
      ...lines('cochrane_devaraj_test_100.source'),
      ...lines('cochrane_devaraj_test_100.target'),
    ];
    const theirs = fathomGrades(texts);
    const close = texts.filter(
      (t, i) => Math.abs(readingFigures(t).grade - (theirs[i] ?? Number.NaN)) <= 0.5,
    );
    expect(close.length / texts.length).toBeGreaterThanOrEqual(0.9);
  });
});

if (!fathomAvailable)
  console.warn('Skipping the Fathom agreement test: install liblingua-en-fathom-perl (Debian).');
