/**
 * Figures read for what they are (issue 18, third round; false flags on
 * faithful Check-COVID claims, tuning part): "the second half of January" is
 * a stretch of time, not 50%; "twice a week" counts times, it is no ratio;
 * "2 1/2 hours" is 2.5 hours, not "1 of 2"; "10-20%" makes both ends
 * percentages; a code found anywhere in the source needs no more; a count
 * found in another sentence counting the same thing ("69 drugs") is that
 * sentence's figure ("25 loci" where 25 counts cohorts is still flagged:
 * numbers.test.ts). Each was misread before this change.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { sentenceFigures } from '../../src/text/quantities.ts';
import { plainSummary } from '../support/summaries.ts';

const read = (text: string) => sentenceFigures(text).quantities.map((q) => [q.kind, q.value]);
const record = (text: string, title: string) =>
  PaperRecord.parse({ title, abstract: [{ label: null, category: null, text }] });
const numbers = (findings: string, abstract: string, title = 'A report') =>
  runChecks({ ...plainSummary, findings }, record(abstract, title)).find((c) => c.id === 'numbers');
const drugTitle =
  'A SARS-CoV-2-Human Protein-Protein Interaction Map Reveals Drug Targets and Potential Drug-Repurposing';

describe('reading figures', () => {
  it('reads "the second half of January" as no figure, and "half of patients" as 50%', () => {
    expect(read('It began spreading in the second half of January.')).toEqual([]);
    expect(read('Half of patients improved.')).toEqual([['share', 50]]);
  });

  it('reads "twice a week" as a count of times, "twice as likely" as a ratio', () => {
    expect(read('A test given twice a week')).toEqual([['count', 2]]);
    expect(read('They were twice as likely to need care.')).toEqual([['times', 2]]);
    expect(read('taken 3 times daily')).toEqual([['count', 3]]);
  });

  it('reads a mixed number and a range with one unit', () => {
    expect(read('a 2 1/2-hour choir practice')).toEqual([['duration', 2.5]]);
    expect(read('infects 10-20% of the household')).toEqual([
      ['percent', 10],
      ['percent', 20],
    ]);
    expect(read('30 to 60 percent of spread')).toEqual([
      ['percent', 30],
      ['percent', 60],
    ]);
  });
});

describe('the numbers check', () => {
  // Shortened from a Check-COVID abstract (Gordon et al. 2020): the claim's words are nearest the first sentence.
  const drugs =
    'An outbreak of the novel coronavirus SARS-CoV-2, the causative agent of COVID-19 respiratory disease, has infected over 290,000 people since the end of 2019. There are currently no antiviral drugs with proven efficacy. To illuminate this, we cloned, tagged and expressed 26 of the 29 viral proteins in human cells. Among these, we identify 66 druggable human proteins or host factors targeted by 69 existing FDA-approved drugs, drugs in clinical trials and/or preclinical compounds.';

  it('passes a count the source states about the same thing in another sentence', () => {
    expect(
      numbers(
        'A research team found 69 drugs that target the same proteins in our cells the novel coronavirus does.',
        drugs,
        drugTitle,
      )?.status,
    ).toBe('pass');
  });

  it('passes a code the source names in another sentence', () => {
    const abstract =
      'The outbreak of viral pneumonia in China is associated with a new coronavirus, SARS-CoV-21. Metagenomic sequencing identified pangolin coronaviruses that belong to sub-lineages of SARS-CoV-2-related coronaviruses, with a genetic similarity to the human virus.';
    expect(
      numbers(
        'Studies have found a genetic similarity between SARS-CoV-21 and coronaviruses found in pangolins.',
        abstract,
      )?.status,
    ).toBe('pass');
  });

  it('still flags a frequency the source states differently', () => {
    const abstract =
      'Participants were tested twice a week for eight weeks. Weekly testing cut spread by 40%.';
    expect(numbers('Participants were tested 3 times a week.', abstract)?.status).toBe('warn');
    expect(numbers('Participants were tested twice a week.', abstract)?.status).toBe('pass');
  });
});
