/**
 * Figures that are not counts (issue 18, false flags on faithful text): a
 * disease's name ("COVID-19", also written with a non-breaking hyphen) need
 * not be in the source, and a day of a month ("March 14-19") is a date, not a
 * rival to a count in the same sentence. Sentences from Check-COVID
 * (posuer/Check-COVID, MIT), supported by their abstracts; each was flagged
 * before this change.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { plainSummary } from '../support/summaries.ts';

const record = (text: string) =>
  PaperRecord.parse({ title: 'A report', abstract: [{ label: null, category: null, text }] });
const numbers = (findings: string, abstract: string) =>
  runChecks({ ...plainSummary, findings }, record(abstract)).find((c) => c.id === 'numbers');

describe('figures that are names or dates', () => {
  it('does not ask the source for "COVID-19", however its hyphen is written', () => {
    const abstract =
      'Undocumented infections were the source of 79% of documented cases because of their greater numbers.';
    for (const name of ['COVID-19', 'COVID\u201119', 'Covid-19'])
      expect(
        numbers(`Undocumented ${name} cases were the source of 79% of documented cases.`, abstract)?.status,
      ).toBe('pass');
  });

  it('does not read a date as a rival count', () => {
    const abstract =
      "Contact tracing linked the students' infections to a spring break trip to Cabo San Lucas, Mexico, during March 14-19. Among 231 persons tested in this investigation, 64 (28%) had positive test results, including 60 (33%) of 183 Cabo San Lucas travelers.";
    const check = numbers(
      'Contact tracing found that the coronavirus sickened at least 60 students linked to a spring break trip to Mexico.',
      abstract,
    );
    expect(check?.status).toBe('pass');
  });

  it('still flags a wrong count beside a date', () => {
    const abstract =
      "Contact tracing linked the students' infections to a spring break trip to Cabo San Lucas, Mexico, during March 14-19. Among 231 persons tested in this investigation, 64 (28%) had positive test results, including 60 (33%) of 183 Cabo San Lucas travelers.";
    expect(
      numbers('Contact tracing found that 90 students who went to Mexico were sickened.', abstract)?.status,
    ).toBe('warn');
  });
});
