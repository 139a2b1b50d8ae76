/**
 * Batch files: the four fixtures in test/fixtures/batch (written for these
 * tests from real DOIs and PMIDs, see its README) plus small inline cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { classifyIdentifier } from '../../src/sources/batch/identifier.ts';
import { detectBatchFormat, parseBatch } from '../../src/sources/batch/parse.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/batch/${name}`, import.meta.url), 'utf8');

describe('plain list', () => {
  it('reads DOIs in every spelling and PMIDs, skips comments, reports duplicates and junk by line', () => {
    const parsed = parseBatch(fixture('dois-and-pmids.txt'), 'dois-and-pmids.txt');
    expect(parsed.entries).toEqual([
      { line: 2, kind: 'doi', value: '10.1002/14651858.cd001290.pub2' },
      { line: 3, kind: 'doi', value: '10.1002/14651858.cd012033.pub4' },
      { line: 4, kind: 'doi', value: '10.1002/14651858.cd006199' },
      { line: 5, kind: 'doi', value: '10.1002/14651858.cd008471.pub2' },
      { line: 8, kind: 'pmid', value: '27797938' },
      { line: 9, kind: 'pmid', value: '28775130' },
      { line: 10, kind: 'pmid', value: '30108519' },
      { line: 11, kind: 'pmid', value: '29963580' },
      { line: 15, kind: 'doi', value: '10.1002/14651858.cd007699.pub3' },
    ]);
    expect(parsed.invalid).toEqual([
      { line: 12, text: '10.1002/14651858.cd001290.pub2', problem: 'duplicate of line 2' },
      { line: 13, text: '27797938', problem: 'duplicate of line 8' },
      { line: 14, text: 'CD006004.pub4', problem: 'not a DOI (10.xxxx/...) or a PMID (digits)' },
    ]);
  });

  it('counts lines the same with CRLF, CR and a BOM', () => {
    const parsed = parseBatch('\uFEFF# ids\r\n\r\n27797938\r10.1136/gutjnl-2016-312510\r\n', 'ids.txt');
    expect(parsed.entries).toEqual([
      { line: 3, kind: 'pmid', value: '27797938' },
      { line: 4, kind: 'doi', value: '10.1136/gutjnl-2016-312510' },
    ]);
  });

  it('an empty file gives nothing, not an error', () => {
    expect(parseBatch('', 'empty.txt')).toEqual({ entries: [], invalid: [] });
  });
});

describe('CSV and TSV', () => {
  it('uses the doi column (any case), falls back to pmid, keeps file line numbers across a quoted line break', () => {
    const parsed = parseBatch(fixture('papers.csv'), 'papers.csv');
    expect(parsed.entries).toEqual([
      { line: 2, kind: 'doi', value: '10.1136/gutjnl-2016-312510' },
      { line: 3, kind: 'pmid', value: '31302001' },
      { line: 4, kind: 'doi', value: '10.1056/nejmoa1715274' },
      { line: 5, kind: 'doi', value: '10.1016/j.ncl.2022.07.002' },
      { line: 7, kind: 'pmid', value: '151222' },
      { line: 9, kind: 'doi', value: '10.1006/jmre.2001.2429' },
      { line: 11, kind: 'pmid', value: '9997' },
    ]);
    expect(parsed.invalid).toEqual([
      {
        line: 8,
        text: 'The treatment of AIDS behind the walls of correctional facilities.',
        problem: 'no DOI or PMID in this row',
      },
      { line: 10, text: '10.1136/GUTJNL-2016-312510', problem: 'duplicate of line 2' },
      { line: 12, text: 'n/a', problem: '"n/a" in the pmid column is not a PMID (digits)' },
    ]);
  });

  it('reads a TSV with an upper-case PMID header', () => {
    const parsed = parseBatch(fixture('pubmed-ids.tsv'), 'pubmed-ids.tsv');
    expect(parsed.entries).toEqual([
      { line: 2, kind: 'pmid', value: '35196497' },
      { line: 3, kind: 'pmid', value: '33278872' },
      { line: 4, kind: 'pmid', value: '24792780' },
    ]);
    expect(parsed.invalid).toEqual([]);
  });

  it('detects a CSV by its header even without the extension', () => {
    const content =
      'Title;DOI\nInhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.;10.1056/NEJMoa1715274\n';
    expect(detectBatchFormat(content.split('\n'), 'export')).toBe('csv');
    expect(parseBatch(content, 'export').entries).toEqual([
      { line: 2, kind: 'doi', value: '10.1056/nejmoa1715274' },
    ]);
  });

  it('a .csv without a doi or pmid column is an InputError that shows the header', () => {
    const attempt = () => parseBatch('Title,Year\nLow back pain.,1985\n', 'refs.csv');
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow('refs.csv has no "doi" or "pmid" column (its header is: title, year).');
  });

  it('a row with a bad DOI cell and no PMID says which column is wrong', () => {
    const parsed = parseBatch('doi,pmid\nnot yet assigned,\n', 'x.csv');
    expect(parsed.invalid).toEqual([
      {
        line: 2,
        text: 'not yet assigned',
        problem: '"not yet assigned" in the doi column is not a DOI (10.xxxx/...)',
      },
    ]);
  });
});

describe('RIS', () => {
  it('takes DO, else a PMID from N1 or AN; a record with neither is invalid at its TY line', () => {
    const parsed = parseBatch(fixture('zotero-export.ris'), 'zotero-export.ris');
    expect(parsed.entries).toEqual([
      { line: 9, kind: 'doi', value: '10.1136/gutjnl-2016-312510' },
      { line: 33, kind: 'pmid', value: '22454523' },
      { line: 45, kind: 'pmid', value: '30158200' },
      { line: 71, kind: 'doi', value: '10.1016/j.molcel.2019.06.008' },
    ]);
    expect(parsed.invalid).toEqual([
      {
        line: 49,
        text: 'The treatment of AIDS behind the walls of correctional facilities',
        problem: 'this RIS record has no DOI (DO) or PubMed ID (AN, or "PMID: ..." in N1/M2)',
      },
      { line: 80, text: 'https://doi.org/10.1136/GUTJNL-2016-312510', problem: 'duplicate of line 9' },
    ]);
  });

  it('is detected from the content, ignores a short ID record number, and closes a record left open at the end', () => {
    const ris = [
      'TY  - JOUR',
      'ID  - 12',
      'TI  - Acute back pain.',
      'M2  - PMID: 11446611',
      'ER  - ',
      '',
      'TY  - JOUR',
      'ID  - 2',
    ].join('\n');
    expect(detectBatchFormat(ris.split('\n'), 'library.txt')).toBe('ris');
    const parsed = parseBatch(ris, 'library.txt');
    expect(parsed.entries).toEqual([{ line: 4, kind: 'pmid', value: '11446611' }]);
    expect(parsed.invalid).toEqual([
      {
        line: 7,
        text: 'TY  - JOUR',
        problem: 'this RIS record has no DOI (DO) or PubMed ID (AN, or "PMID: ..." in N1/M2)',
      },
    ]);
  });
});

describe('classifyIdentifier', () => {
  it('knows PMIDs, DOIs and PMCIDs', () => {
    expect(classifyIdentifier('PMID:9997')).toEqual({ kind: 'pmid', value: '9997' });
    expect(classifyIdentifier('https://www.ncbi.nlm.nih.gov/pubmed/12091962')).toEqual({
      kind: 'pmid',
      value: '12091962',
    });
    expect(classifyIdentifier('DOI: 10.1038/nature06434')).toEqual({
      kind: 'doi',
      value: '10.1038/nature06434',
    });
    expect(classifyIdentifier('PMC8654814')).toEqual({
      problem: 'PMCIDs are not supported: give the DOI or the PMID',
    });
    expect(classifyIdentifier('0')).toEqual({ problem: 'not a DOI (10.xxxx/...) or a PMID (digits)' });
  });
});
