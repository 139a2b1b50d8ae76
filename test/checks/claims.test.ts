/**
 * Certainty, causality and advice (issue 18): a draft sentence surer or wider
 * than the source sentence it draws on is flagged with both sentences, and
 * the advice phrasings that slipped through are caught, while a faithful
 * sentence raises nothing.
 */
import { describe, expect, it } from 'vitest';
import { adviceSentences } from '../../src/checks/advice.ts';
import { runChecks } from '../../src/checks/run-checks.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { plainSummary } from '../support/summaries.ts';

const plain = plainSummary;
const source = (text: string) =>
  PaperRecord.parse({ title: 'A study', abstract: [{ label: null, category: null, text }] });

function certainty(findings: string, abstract: string) {
  const check = runChecks({ ...plain, findings }, source(abstract)).find((c) => c.id === 'certainty');
  return { status: check?.status, flags: check?.flags ?? [] };
}

describe('claims surer or wider than the source sentence', () => {
  it.each([
    [
      'an association stated as a cause',
      'Drinking coffee lowers the risk of liver cancer.',
      'Higher coffee consumption was associated with a lower risk of liver cancer in adults.',
      /association.*cause/,
    ],
    [
      'a mouse result stated as human',
      'The new drug shrank pancreatic tumours by half.',
      'In mice, the new drug shrank pancreatic tumours by half within four weeks.',
      /mice/,
    ],
    [
      'a subgroup stated for everyone',
      'Metformin lowered the risk of dementia in people.',
      'Metformin lowered the risk of dementia in patients with type 2 diabetes over ten years.',
      /diabetes.*everyone/,
    ],
    [
      'a hedge dropped',
      'Vitamin D supplements prevent winter colds.',
      'Our results suggest that vitamin D supplements may prevent winter colds in children.',
      /hedged/,
    ],
    [
      'no difference stated as an effect',
      'The exercise programme improved back pain compared with usual care.',
      'There was no significant difference in back pain between the exercise programme and usual care.',
      /no clear difference/,
    ],
  ])('%s', (_, findings, abstract, differs) => {
    const r = certainty(findings, abstract);
    expect(r.status).toBe('warn');
    expect(r.flags[0]?.differs).toMatch(differs);
    expect(r.flags[0]?.text).toBe(findings);
    expect(r.flags[0]?.source[0]?.text).toBe(abstract);
  });

  it.each([
    [
      'the association kept',
      'People who drank more coffee were less likely to get liver cancer, a link rather than proof.',
      'Higher coffee consumption was associated with a lower risk of liver cancer in adults.',
    ],
    [
      'the mice named',
      'In mice, the new drug shrank pancreatic tumours by half.',
      'In mice, the new drug shrank pancreatic tumours by half within four weeks.',
    ],
    [
      'the hedge kept',
      'Vitamin D supplements may help prevent winter colds in children.',
      'Our results suggest that vitamin D supplements may prevent winter colds in children.',
    ],
    [
      'a negated cause',
      'The exercise programme did not change back pain compared with usual care.',
      'There was no significant difference in back pain between the exercise programme and usual care.',
    ],
  ])('passes %s', (_, findings, abstract) => {
    expect(certainty(findings, abstract)).toEqual({ status: 'pass', flags: [] });
  });
});

describe('advice', () => {
  it.each([
    'Smokers should take a daily aspirin.',
    'Consider taking aspirin every day.',
    'Talk to your doctor about starting heparin.',
    'Ask your doctor for a prescription for statins.',
    'If you have asthma, use the inhaler only when you need it.',
    'You can take the pills with food.',
  ])('flags "%s"', (sentence) => {
    expect(adviceSentences(sentence)).toEqual([sentence]);
  });

  it.each([
    'Talk to your doctor before changing anything.',
    'Researchers should test this in larger trials.',
    'Workers who smoke were more likely to miss work.',
  ])('passes "%s"', (sentence) => {
    expect(adviceSentences(sentence)).toEqual([]);
  });
});
