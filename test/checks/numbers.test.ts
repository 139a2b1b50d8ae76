/**
 * The numbers check, sentence by sentence (issue 18): the hard cases that a
 * document-wide "is this number anywhere in the abstract" check let through,
 * and the correct figures it flagged. Sources are real PubMed abstracts
 * (test/fixtures/abstracts) unless a case names its own source sentence.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { textRecord } from '../../src/sources/text.ts';
import { fixture } from '../support/harness.ts';
import { plainSummary } from '../support/summaries.ts';

const plain = plainSummary;
const record = (file: string) => textRecord({ text: fixture(`abstracts/${file}`), maxBytes: 1e6 });
/** A one-sentence source (the case's own), as a record. */
const own = (text: string) =>
  PaperRecord.parse({ title: 'A study', abstract: [{ label: null, category: null, text }] });
const asthma = record('pmid-29768149.txt');
const fracture = record('pmid-30158200.txt');
const backPain = record('pmid-36400559.txt');

function numbers(findings: string, source = asthma) {
  const check = runChecks({ ...plain, findings }, source).find((c) => c.id === 'numbers');
  return { status: check?.status, flags: check?.flags ?? [], message: check?.message ?? '' };
}

describe('figures stated wrongly', () => {
  it.each([
    [
      'a number from elsewhere in the abstract',
      'The researchers found 25 places in our genes linked to fractures, and all were also linked to bone density.',
      fracture,
      /25.*something else/,
    ],
    [
      '6 weeks written as 6 months',
      'If pain lasts more than 6 months, a scan may help.',
      backPain,
      /6 months.*6 weeks/,
    ],
    [
      'a 55% increase written as 55 times',
      'Lower bone density made a fracture 55 times more likely.',
      fracture,
      /55 times.*55%/,
    ],
    [
      '15 of 22 written as 15%',
      '15% of the patients responded.',
      own('Fifteen of 22 patients (68%) responded to treatment.'),
      /15%.*15 of 22/,
    ],
    [
      '13% written as about 1 in 3',
      'About 1 in 3 patients had severe bleeding.',
      own('Severe bleeding occurred in 13% of patients.'),
      /1 in 3/,
    ],
    [
      'figures swapped between groups',
      'Asthma was well controlled in 31.1% of weeks with budesonide-formoterol and in 34.4% of weeks with terbutaline.',
      asthma,
      /swapped/,
    ],
    [
      'a figure the source never states',
      'Risk rose by 73% in 4521 people.',
      fracture,
      /73%.*not in the source/,
    ],
  ])('%s', (_, findings, source, differs) => {
    const r = numbers(findings, source);
    expect(r.status).toBe('warn');
    const flag = r.flags.find((f) => differs.test(f.differs));
    expect(flag, JSON.stringify(r.flags)).toBeDefined();
    // The flag names the draft sentence and the source sentence it was compared with.
    expect(flag?.field).toBe('findings');
    expect(flag?.text).toBe(findings);
    expect(flag?.source.length).toBeGreaterThan(0);
  });
});

describe('figures stated rightly, however written', () => {
  it.each([
    [
      'a number written in words',
      'One hundred twenty-six patients took part.',
      own('In all, 126 patients took part.'),
    ],
    [
      'digits for the words of the source',
      '126 patients took part.',
      own('One hundred twenty-six patients took part.'),
    ],
    [
      'dollars with or without the country',
      'The mean cost was $58,067 per patient.',
      own('The mean cost per patient was $US58,067.'),
    ],
    ['"5 years" for "5-year"', 'Survival after 5 years was 80%.', own('The 5-year survival was 80%.')],
    [
      '24 months as 2 years',
      'People were followed for 2 years.',
      own('Participants were followed for 24 months.'),
    ],
    [
      'a 55% increase as 1.55 times, and as about 55%',
      'Lower bone density made a fracture 1.55 times as likely, about 55% more.',
      fracture,
    ],
    [
      'a share as a natural frequency',
      'Asthma was well controlled in about 1 in 3 weeks with budesonide-formoterol.',
      asthma,
    ],
    [
      'the groups in the source order',
      'Asthma was well controlled in 34.4% of weeks with budesonide-formoterol and in 31.1% with terbutaline.',
      asthma,
    ],
    [
      'the groups the other way round, each with its figure',
      'With terbutaline, asthma was well controlled in 31.1% of weeks, against 34.4% with budesonide-formoterol.',
      asthma,
    ],
    ['a rounded figure', 'Asthma was well controlled in 34% of weeks with budesonide-formoterol.', asthma],
  ])('%s', (_, findings, source) => {
    const r = numbers(findings, source);
    expect(r.flags, r.message).toEqual([]);
    expect(r.status).toBe('pass');
  });
});
