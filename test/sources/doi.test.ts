/**
 * DOI normalization and DOI-in-text finding. The inputs are the spellings
 * people paste and publishers print; the PDF lines are pdf-parse's text of
 * the real PDFs in /work/shared/realdata/pdf (first pages, running heads and
 * reference lists).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { findDoiInText, normalizeDoi, requireDoi } from '../../src/sources/doi.ts';

describe('normalizeDoi', () => {
  it.each([
    ['10.1038/srep16696', '10.1038/srep16696'],
    ['10.1038/SREP16696', '10.1038/srep16696'],
    ['doi:10.1038/srep16696', '10.1038/srep16696'],
    ['DOI:10.1038/srep16696', '10.1038/srep16696'],
    ['DOI: 10.1038/srep16696', '10.1038/srep16696'],
    ['doi 10.1038/srep16696', '10.1038/srep16696'],
    ['https://doi.org/10.1038/srep16696', '10.1038/srep16696'],
    ['http://doi.org/10.1038/srep16696', '10.1038/srep16696'],
    ['https://dx.doi.org/10.1038/srep16696', '10.1038/srep16696'],
    ['http://dx.doi.org/10.1038/srep16696', '10.1038/srep16696'],
    ['https://www.doi.org/10.1038/srep16696', '10.1038/srep16696'],
    ['doi.org/10.1038/srep16696', '10.1038/srep16696'],
    ['HTTPS://DOI.ORG/10.1038/SREP16696', '10.1038/srep16696'],
    ['info:doi/10.1038/srep16696', '10.1038/srep16696'],
    ['https://doi.org/10.1038%2Fsrep16696', '10.1038/srep16696'],
    ['10.1038%2Fsrep16696', '10.1038/srep16696'],
    ['https://doi.org/10.1016%2Fs0140-6736%2824%2902600-x', '10.1016/s0140-6736(24)02600-x'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeDoi(input)).toBe(expected);
  });

  it.each([
    ['  10.1002/jor.1100150407\n', '10.1002/jor.1100150407'],
    ['10.1002/jor.1100150407.', '10.1002/jor.1100150407'],
    ['"10.1002/jor.1100150407",', '10.1002/jor.1100150407'],
    ['<https://doi.org/10.1002/jor.1100150407>', '10.1002/jor.1100150407'],
    ['(doi:10.1002/jor.1100150407)', '10.1002/jor.1100150407'],
    ['[10.1002/jor.1100150407];', '10.1002/jor.1100150407'],
    ['“10.1136/esmoopen-2020-000776”', '10.1136/esmoopen-2020-000776'],
  ])('strips the punctuation around %j', (input, expected) => {
    expect(normalizeDoi(input)).toBe(expected);
  });

  it('keeps brackets that belong to the DOI (Lancet, SICI)', () => {
    expect(normalizeDoi('10.1016/S0140-6736(24)02600-X')).toBe('10.1016/s0140-6736(24)02600-x');
    expect(normalizeDoi('(10.1016/S0140-6736(24)02600-X)')).toBe('10.1016/s0140-6736(24)02600-x');
    expect(normalizeDoi('10.1002/(SICI)1097-4636(199706)35:4<490::AID-JBM8>3.0.CO;2-#')).toBe(
      '10.1002/(sici)1097-4636(199706)35:4<490::aid-jbm8>3.0.co;2-#',
    );
  });

  it('accepts registrant sub-codes and long prefixes', () => {
    expect(normalizeDoi('10.1000.10/123456')).toBe('10.1000.10/123456');
    expect(normalizeDoi('10.123456789/abc')).toBe('10.123456789/abc');
  });

  it.each([
    '',
    '   ',
    'srep16696',
    '10.1038',
    '10.1038/',
    '10.12/abc', // registrant code too short
    '11.1038/srep16696',
    '30158200', // a PMID
    'PMC5442267',
    'https://www.nature.com/articles/srep16696', // a publisher page, not a DOI
    'https://doi.org/',
    'see 10.1038/srep16696 for details', // prose: use findDoiInText
    '10.1038/srep 16696',
    '100%', // a bad percent escape is not an error
  ])('%j is not a DOI', (input) => {
    expect(normalizeDoi(input)).toBeNull();
  });
});

describe('requireDoi', () => {
  it('returns the normalized DOI or an InputError that shows what a DOI looks like', () => {
    expect(requireDoi(' https://doi.org/10.1038/SREP16696 ')).toBe('10.1038/srep16696');
    expect(() => requireDoi('srep16696')).toThrow(InputError);
    try {
      requireDoi('srep16696');
    } catch (err) {
      expect((err as InputError).message).toBe('"srep16696" is not a DOI.');
      expect((err as InputError).hint).toContain('10.1038/srep16696');
    }
  });
});

describe('findDoiInText', () => {
  it.each([
    // BMC trauma review (cermine_test1), PDF Subject and first-page footer.
    ['Journal of Trauma Management & Outcomes 2010 4:1. doi:10.1186/1752-2897-4-1', '10.1186/1752-2897-4-1'],
    // The brief's example, as a BMC first page prints it.
    ['Open Access\ndoi:10.1186/1752-2897-3-1\nCite this article as', '10.1186/1752-2897-3-1'],
    // Int Psychogeriatrics (cermine_example1), first page.
    ['International Psychogeriatrics (2013)\ndoi:10.1017/S1041610213001804', '10.1017/s1041610213001804'],
    // Hindawi (cermine_test2), first page.
    ['Volume 2010, Article ID 157939, 7 pages\ndoi:10.1155/2010/157939', '10.1155/2010/157939'],
    // Postgrad Med J (cermine_test5) running head, tab and page number after the DOI.
    ['272 \tPostgrad Med J 2010;86:272e278. doi:10.1136/pgmj.2009.089987 \t273', '10.1136/pgmj.2009.089987'],
    // References: trailing full stop, brackets inside the DOI, a space after "doi:".
    ['(PMID: 17693180), doi: 10.1016/S0140-6736(07)61235-5.', '10.1016/s0140-6736(07)61235-5'],
    ['343–353. doi:10.1016/S1474-4422(04)00767-7.', '10.1016/s1474-4422(04)00767-7'],
    ['9047–9056. doi:10.1523/JNEUROSCI.2797-06.2006.', '10.1523/jneurosci.2797-06.2006'],
    ['doi:org/10.1097/PSY.0b013e318246eb10.', '10.1097/psy.0b013e318246eb10'],
  ])('%j -> %s', (text, expected) => {
    expect(findDoiInText(text)).toBe(expected);
  });

  it.each([
    ['(see https://doi.org/10.1038/srep16696)', '10.1038/srep16696'],
    ['available at https://doi.org/10.1038%2Fsrep16696, accessed', '10.1038/srep16696'],
    ['DOI: 10.1002/jor.1100150407;', '10.1002/jor.1100150407'],
    ['"doi": "10.1111/bjhp.12807"', '10.1111/bjhp.12807'],
    ['[doi:10.1093/brain/awq116]', '10.1093/brain/awq116'],
    ['<a href="https://doi.org/10.7717/peerj.14276">', '10.7717/peerj.14276'],
  ])('%j -> %s', (text, expected) => {
    expect(findDoiInText(text)).toBe(expected);
  });

  it('returns the first DOI when there are several', () => {
    const page = 'doi:10.1017/S1041610213001804\n...\nReferences\ndoi:10.1016/j.psychres.2011.05.011.';
    expect(findDoiInText(page)).toBe('10.1017/s1041610213001804');
  });

  it('returns null for text without a DOI', () => {
    expect(findDoiInText('')).toBeNull();
    expect(findDoiInText('PMID: 17693180; PMC5442267; version 10.1 of the software')).toBeNull();
    expect(findDoiInText('Info.Title "doi:"')).toBeNull(); // the PGMJ PDF's useless Title
  });
});
