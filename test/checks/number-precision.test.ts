/**
 * Figures read at the precision they are written with (issue 18, fourth
 * round): a round number of thousands states its source figure rounded
 * ("122,000 more deaths" for 122 300, "more than 130,000 people" for 133,589)
 * but not one a tenth away; minutes and seconds are durations, so "8 to 14
 * hours" where the source says "8 to 14 min" is a wrong unit; a subscript
 * written in brackets ("TCID(50)", "IC(50)") is part of a name, never a
 * figure a draft's "50 feet" can match. Each was misread before this change.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { sentenceFigures } from '../../src/text/quantities.ts';
import { plainSummary } from '../support/summaries.ts';

const record = (text: string) =>
  PaperRecord.parse({ title: 'A report', abstract: [{ label: null, category: null, text }] });
const numbers = (findings: string, abstract: string) =>
  runChecks({ ...plainSummary, findings }, record(abstract)).find((c) => c.id === 'numbers');

describe('round numbers', () => {
  const deaths =
    'We counted deaths from any cause in a large country over three months. There were 781 000 deaths in total, representing 122 300 more deaths than would be expected at that time of year.';

  it('passes a round number of thousands for the figure it rounds', () => {
    expect(numbers('There were 122,000 more deaths than expected.', deaths)?.status).toBe('pass');
    expect(
      numbers(
        'The study followed more than 130,000 people.',
        'We studied 133,589 people with a chronic disease. Their records were followed for a year.',
      )?.status,
    ).toBe('pass');
  });

  it('still flags a round number far from the figure', () => {
    expect(numbers('There were 150,000 more deaths than expected.', deaths)?.status).toBe('warn');
    expect(
      numbers(
        'The study followed 20,000 people.',
        'We studied 16,025 people with a chronic disease. Their records were followed for a year.',
      )?.status,
    ).toBe('warn');
  });
});

describe('units of time and names with subscripts', () => {
  it('reads minutes and seconds as durations', () => {
    expect(sentenceFigures('they fell within 8 min').quantities.map((q) => [q.kind, q.unit])).toEqual([
      ['duration', 'minute'],
    ]);
    const flag = numbers(
      'Tiny droplets can stay in the air for 8 to 14 hours.',
      'Loud speech can emit thousands of droplets per second. In still air, the droplets disappeared from view with time constants in the range of 8 to 14 min.',
    );
    expect(flag?.status).toBe('warn');
    expect(flag?.flags?.[0]?.differs).toMatch(/8 to 14 hours.*min/);
  });

  it('does not read a bracketed subscript as a figure', () => {
    expect(sentenceFigures('6 to 74 TCID(50) units per litre').quantities.map((q) => q.raw)).toEqual([
      '6',
      '74',
      'TCID50',
    ]);
    expect(
      numbers(
        'Live virus was found up to 50 feet away from the patients.',
        'Viable virus was isolated from air samples collected 2 to 4.8 m away from the patients. Viral concentrations ranged from 6 to 74 TCID(50) units/L of air.',
      )?.status,
    ).toBe('warn');
  });
});

describe('number words joined by "and", and minutes written with a hyphen', () => {
  const read = (text: string) => sentenceFigures(text).quantities.map((q) => [q.kind, q.value]);

  it('reads "three and six months" as two figures, "one hundred and six" as one', () => {
    expect(read('checked again at three and six months')).toEqual([
      ['count', 3],
      ['duration', 6],
    ]);
    expect(read('one hundred and six patients')).toEqual([['count', 106]]);
  });

  it('reads "a 6-minute walk" and "6-min walk" as durations', () => {
    expect(read('in a 6-minute walk test')).toEqual([['duration', 6]]);
    expect(
      numbers(
        'Patients walked further in a 6-minute walking test.',
        'Patients who improved also walked further in the 6-min walk test (p = 0.01).',
      )?.status,
    ).toBe('pass');
  });
});
