/** PMIDs (src/sources/pmid.ts): the spellings people paste, feeds and reference managers write. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import {
  findPmidInText,
  isPmid,
  normalizePmid,
  pmidFromIdentifier,
  pmidFromPubmedUrl,
  pubmedUrl,
  requirePmid,
} from '../../src/sources/pmid.ts';

describe('normalizePmid', () => {
  it.each([
    ['30158200', '30158200'],
    [' 30158200\n', '30158200'],
    ['030158200', '30158200'],
    ['0000000030158200', '30158200'],
    ['PMID: 30158200', '30158200'],
    ['PMID 30158200', '30158200'],
    ['pmid:30158200', '30158200'],
    ['pubmed:30158200', '30158200'],
    ['info:pmid/30158200', '30158200'],
    ['https://pubmed.ncbi.nlm.nih.gov/30158200/', '30158200'],
    ['https://pubmed.ncbi.nlm.nih.gov/30158200', '30158200'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/30158200?dopt=Abstract', '30158200'],
  ])('%j -> %s', (input, expected) => {
    expect(normalizePmid(input)).toBe(expected);
  });

  it.each([
    '',
    '0',
    '000',
    '1234567890',
    'PMC6113773',
    '10.1136/bmj.k3225',
    '3015 8200',
    'https://example.org/30158200',
  ])('%j is not a PMID', (input) => {
    expect(normalizePmid(input)).toBeNull();
  });

  it('requirePmid says what a PMID looks like', () => {
    expect(requirePmid('PMID: 30158200')).toBe('30158200');
    expect(() => requirePmid('abc')).toThrow(InputError);
    expect(() => requirePmid('abc')).toThrow('"abc" is not a PMID.');
  });
});

describe('PMIDs in feeds, links and notes', () => {
  it('identifiers must say they are PMIDs; links must be PubMed links', () => {
    expect(pmidFromIdentifier('info:pmid/34902460')).toBe('34902460');
    expect(pmidFromIdentifier('pubmed:034902460')).toBe('34902460');
    expect(pmidFromIdentifier('34902460')).toBeNull(); // a bare number in dc:identifier may be anything
    expect(pmidFromPubmedUrl('https://pubmed.ncbi.nlm.nih.gov/34902460/?utm_source=rss')).toBe('34902460');
    expect(pmidFromPubmedUrl('https://pubmed.ncbi.nlm.nih.gov/?term=34902460')).toBeNull();
  });

  it('findPmidInText reads a labelled PMID in running text', () => {
    expect(findPmidInText('Epub 2018 Aug 29. PMID: 30158200; PMCID: PMC6113773.')).toBe('30158200');
    expect(findPmidInText('PMID: 0')).toBeNull();
    expect(findPmidInText('30158200')).toBeNull();
  });

  it('the stored form and its page', () => {
    expect(isPmid('30158200')).toBe(true);
    expect(isPmid('030158200')).toBe(false);
    expect(pubmedUrl('30158200')).toBe('https://pubmed.ncbi.nlm.nih.gov/30158200/');
  });
});
