/**
 * Alignment of reworded sentences (issue 18, fifth round): a lay or news
 * sentence says "kids", "shots", "catch", "deadly", "heart attack" where the
 * abstract says "children", "vaccination", "infection", "mortality",
 * "myocardial infarction". It must still be linked to, and counted as
 * supported by, the source sentence it restates, and a reworded overclaim
 * must still be judged against that sentence.
 */
import { describe, expect, it } from 'vitest';
import { PaperRecord } from '../../src/domain/paper.ts';
import { createAligner, SUPPORTED_MIN } from '../../src/text/align.ts';
import { splitSource } from '../../src/text/source-sentences.ts';
import { certaintyOn } from '../support/certainty.ts';

const abstract = [
  'We followed 4,210 school pupils in three districts over two winters.',
  'Vaccination was associated with a lower rate of influenza infection in children.',
  'Mortality after myocardial infarction was higher in adults with renal failure.',
  'Questionnaires were returned by parents at the end of each term.',
].join(' ');
const source = splitSource(
  PaperRecord.parse({
    title: 'Influenza in schools',
    abstract: [{ label: null, category: null, text: abstract }],
  }),
);
const idOf = (words: RegExp) => source.sentences.find((s) => words.test(s.text))?.id;

describe('reworded sentences linked to the source sentence they restate', () => {
  const aligner = createAligner(source);

  it('links lay words for clinical ones to their sentence and counts it as supported', () => {
    const link = aligner.link('findings', 0, 'Kids who had their flu shots were less likely to catch it.');
    expect(link.sources[0]).toBe(idOf(/^Vaccination/));
    expect(link.supported).toBe(true);
    expect(link.score).toBeGreaterThanOrEqual(SUPPORTED_MIN);
  });

  it('reads a lay phrase as the clinical term ("heart attack", "kidney")', () => {
    const link = aligner.link(
      'findings',
      0,
      'A heart attack was more deadly for adults whose kidneys failed.',
    );
    expect(link.sources[0]).toBe(idOf(/^Mortality/));
    expect(link.supported).toBe(true);
  });

  it('still marks a sentence about something else as unsupported', () => {
    const link = aligner.link('findings', 0, 'Teachers who caught colds took more sick days off work.');
    expect(link.supported).toBe(false);
  });
});

describe('a reworded overclaim judged against the sentence it restates', () => {
  it('flags an association stated as a cause though the reporter adds words of their own', () => {
    const flags = certaintyOn(
      'Flu shots protect kids from catching influenza, health officials announced on Tuesday.',
      abstract,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]?.source[0]?.text).toMatch(/^Vaccination was associated/);
    expect(flags[0]?.differs).toMatch(/association.*cause/);
  });

  it('judges a claim whose words the source has all sit in one sentence, however much the reporter adds', () => {
    const flags = certaintyOn(
      'Vaccination prevents influenza infection in children, officials told a crowded press event in Columbus on Tuesday morning.',
      abstract,
    );
    expect(flags[0]?.source[0]?.text).toMatch(/^Vaccination was associated/);
  });

  it('raises nothing for the same claim kept as an association', () => {
    expect(
      certaintyOn(
        'Flu shots were linked to kids catching influenza less often, health officials announced on Tuesday.',
        abstract,
      ),
    ).toEqual([]);
  });
});
