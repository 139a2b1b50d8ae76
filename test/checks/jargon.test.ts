/**
 * Jargon judged by how often people use a word (SUBTLEX-US), acronyms in
 * hyphenated forms, and negated hype (issue 18). Each case here came out
 * wrong with the fixed word list and the old hype pattern.
 */
import { describe, expect, it } from 'vitest';
import { unexplainedTerms } from '../../src/checks/acronyms.ts';
import { promotionalWords } from '../../src/checks/promotional.ts';
import { runChecks } from '../../src/checks/run-checks.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { wordCount } from '../../src/text/word-frequency.ts';
import { plainSummary } from '../support/summaries.ts';

const source = PaperRecord.parse({
  title: 'A trial',
  abstract: [{ label: null, category: null, text: 'Patients received treatment before surgery.' }],
});
const check = (id: string, findings: string) =>
  runChecks({ ...plainSummary, findings }, source).find((c) => c.id === id);

describe('jargon, judged by how rare a word is in everyday English', () => {
  it.each([
    ['neoadjuvant', 'People who had neoadjuvant chemotherapy lived longer than people who did not.'],
    ['adenocarcinoma', 'The study looked at people with adenocarcinoma of the lung who had surgery.'],
    ['thrombocytopenia', 'Thrombocytopenia was more common with the new drug than with the old one.'],
  ])('flags "%s", which no fixed list named', (word, findings) => {
    const acronyms = check('acronyms', findings);
    expect(acronyms?.status).toBe('warn');
    expect(acronyms?.message).toContain(`"${word}"`);
  });

  it('passes the same word explained where it first appears', () => {
    const findings =
      'People who had neoadjuvant chemotherapy (chemotherapy given before surgery) lived longer than people who did not.';
    expect(check('acronyms', findings)?.status).toBe('pass');
  });

  it('passes plain words, their inflections and British spellings, and drug names', () => {
    const findings =
      'Children with asthma who used the inhalers had fewer attacks and felt less tired. Tumours shrank in most people. People taking apixaban or atorvastatin had fewer strokes.';
    expect(unexplainedTerms('', findings)).toEqual([]);
  });

  it('reads counts from the word list with inflections folded in', () => {
    expect(wordCount('cancers')).toBeGreaterThan(1000);
    expect(wordCount('tumours')).toBe(wordCount('tumor'));
    expect(wordCount('neoadjuvant')).toBe(0);
  });

  it('does not take a heading in capitals for an acronym', () => {
    expect(unexplainedTerms('', 'RESULTS. People who walked more slept better.')).toEqual([]);
  });
});

describe('acronyms in hyphenated forms', () => {
  it.each([
    'Doctors took a CT-guided sample of the lump.',
    'The trial included HIV-positive women who were pregnant.',
  ])('passes a widely known acronym joined to a word: %s', (findings) => {
    expect(check('acronyms', findings)?.status).toBe('pass');
  });

  it('flags an acronym a reader cannot decode inside a hyphenated form, unless explained first', () => {
    expect(unexplainedTerms('', 'Women with HER2-positive cancer lived longer.')).toEqual(['HER2']);
    expect(
      unexplainedTerms(
        '',
        'Some breast cancers carry a protein called HER2. Women with HER2-positive cancer lived longer.',
      ),
    ).toEqual([]);
  });

  it('keeps codes whole', () => {
    expect(unexplainedTerms('', 'BxPC-3 cells died when the compound was added.')).toEqual(['BxPC-3']);
  });
});

describe('negated hype', () => {
  it.each([
    'The new drug is not a cure.',
    'The vaccine is not a miracle, but it lowers the risk.',
    "It isn't a breakthrough, but it may help some people.",
    'There is no miracle cure for back pain.',
    'The study does not prove that coffee helps.',
  ])('is not hype: %s', (findings) => {
    expect(promotionalWords(findings, '', false)).toEqual([]);
    expect(check('promotional', `${findings} The trial was small.`)?.status).toBe('pass');
  });

  it('still flags the same words claimed', () => {
    expect(promotionalWords('This miracle drug cures diabetes.', '', false)).toEqual(['miracle', 'cures']);
  });
});
