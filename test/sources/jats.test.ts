/**
 * The JATS and Europe PMC HTML abstract converters (jatsToSections,
 * htmlAbstractToSections, markupToText) on real Crossref and Europe PMC
 * abstracts (test/fixtures/crossref, see its README for origins), plus small
 * hand-written snippets for markup shapes the recordings lack. The HTTP
 * clients and resolveDoi are in crossref.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { htmlAbstractToSections, jatsToSections, markupToText } from '../../src/sources/jats.ts';
import { EPMC_CANCER, type EpmcResult, fixture, JOR, SREP } from './support-crossref.ts';

const epmcResults = (): EpmcResult[] => JSON.parse(EPMC_CANCER).resultList.result;
const peerj = (doi: string): string =>
  JSON.parse(fixture('journals_2167-8359_works_peerj_list.json')).message.items.find(
    (i: { DOI: string }) => i.DOI === doi,
  ).abstract;
const epmcAbstract = (id: string) => epmcResults().find((r) => r.id === id)?.abstractText ?? '';

describe('jatsToSections on real Crossref abstracts', () => {
  it('srep16696: drops the leading "Abstract" title; one unlabelled section, text intact', () => {
    const [only, ...rest] = jatsToSections(JSON.parse(SREP).message.abstract);
    expect(rest).toEqual([]);
    expect(only?.label).toBeNull();
    expect(only?.category).toBeNull();
    expect(only?.text.startsWith('Oligomers of alpha-synuclein are toxic to cells')).toBe(true);
    expect(only?.text).toContain('single-molecule Förster Resonance Energy Transfer');
    expect(only?.text.endsWith('for triggering neurodegeneration.')).toBe(true);
  });

  it('jor.1100150407: escaped entities decoded (p &lt; 0.001 -> p < 0.001)', () => {
    const [only] = jatsToSections(JSON.parse(JOR).message.abstract);
    expect(only?.text).toContain('declined by about 60% (p < 0.001) in both groups');
    expect(only?.text).toContain('(p > 0.7)');
    expect(only?.text).not.toMatch(/&(?:lt|gt|amp);|<\/?jats|jats:/);
  });

  it('PeerJ sectioned abstracts: <jats:sec> titles become labels, italics and sup/sub kept as text', () => {
    const goose = jatsToSections(peerj('10.7717/peerj.8914'));
    expect(goose.map((s) => s.label)).toEqual(['Background', 'Methods', 'Results', 'Conclusion']);
    expect(goose[0]?.text).toMatch(/^The bar-headed goose \(Anser indicus\) mainly inhabits/);
    const fires = jatsToSections(peerj('10.7717/peerj.14276'));
    expect(fires.map((s) => s.label)).toEqual(['Background', 'Methods', 'Results']);
    expect(jatsToSections(peerj('10.7717/peerj.8892'))[0]?.text).toContain('(0, 90, 150 and 210 kg ha−1)');
    const leafhoppers = jatsToSections(peerj('10.7717/peerj.12501'));
    expect(leafhoppers[0]?.text).toContain('includes >2,600 valid genera');
    expect(leafhoppers[0]?.text).toContain('Hou, Zhang & Huang, 2016');
    expect(leafhoppers[2]?.text).toContain('(GenBank: MN910279)'); // <jats:uri> text kept
  });

  it('pretty-printed PeerJ JATS: indentation is not content', () => {
    const [only] = jatsToSections(peerj('10.7717/peerj.15028'));
    expect(only?.text).toContain('The modularity (Q, z-score) of the network was higher in autumn');
    expect(only?.text).toContain('interaction evenness (E2, z-score)');
    expect(only?.text).toContain('specialization (H2′, z-score)');
    expect(only?.text).toContain(
      'were Hemixos castanonotus, Parus venustulus, and Pycnonotus sinensis. The most',
    );
    expect(jatsToSections(peerj('10.7717/peerj.7416'))[2]?.text).toContain(
      'mean seed mass of 4 (n\u00a0=\u00a019) species',
    );
  });

  it('handles no namespace prefix, flat title/p runs, nested sections, MathML and empty input', () => {
    expect(
      jatsToSections(
        '<sec><title>Aims:</title><p>To <italic>test</italic>.</p></sec><sec><p>Untitled.</p></sec>',
      ),
    ).toEqual([
      { label: 'Aims', category: null, text: 'To test.' },
      { label: null, category: null, text: 'Untitled.' },
    ]);
    const flat =
      '<jats:title>Abstract</jats:title><jats:title>Objective</jats:title><jats:p>A.</jats:p><jats:p>B.</jats:p>';
    expect(jatsToSections(flat)).toEqual([{ label: 'Objective', category: null, text: 'A. B.' }]);
    const nested =
      '<sec><title>Methods</title><p>a</p><sec><title>Design</title><p>b</p></sec><p>c</p></sec>';
    expect(jatsToSections(nested).map((s) => [s.label, s.text])).toEqual([
      ['Methods', 'a'],
      ['Design', 'b'],
      ['Methods', 'c'],
    ]);
    const math =
      '<p>V<mml:math><mml:msub><mml:mi>O</mml:mi>\n <mml:mn>2</mml:mn></mml:msub></mml:math> max rose</p>';
    expect(jatsToSections(math)[0]?.text).toBe('VO2 max rose');
    expect(jatsToSections('<jats:p>one</jats:p><jats:p>two</jats:p>').map((s) => s.text)).toEqual([
      'one',
      'two',
    ]);
    expect(jatsToSections('')).toEqual([]);
    expect(jatsToSections('<jats:title>Abstract</jats:title>')).toEqual([]);
  });
});

describe('htmlAbstractToSections on real Europe PMC abstractText', () => {
  it('<h4> headings become labels; a raw "<" in the text is text', () => {
    const sections = htmlAbstractToSections(epmcAbstract('40468710'));
    expect(sections.map((s) => s.label)).toEqual([
      'Objective',
      'Design',
      'Methods',
      'Results',
      'Conclusions',
    ]);
    expect(sections[3]?.text).toContain(
      'psychological flexibility significantly (at p\u2009<\u2009.001) predicted anxiety',
    );
    expect(htmlAbstractToSections(epmcAbstract('40245290'))[2]?.text).toContain(
      'overall survival of <1 year.',
    );
    expect(htmlAbstractToSections(epmcAbstract('40511629'))[0]?.text).toContain(
      'Hydrogen sulfide (H2S) is of particular',
    );
  });

  it('unheaded abstracts are one unlabelled section; records without abstracts give []', () => {
    const [only, ...rest] = htmlAbstractToSections(epmcAbstract('40516981'));
    expect(rest).toEqual([]);
    expect(only?.label).toBeNull();
    expect(htmlAbstractToSections(epmcAbstract('39709208'))).toEqual([]); // "Department of Error."
  });

  it('markupToText flattens titles', () => {
    expect(markupToText('Effect of <i>H. pylori</i> on CO<sub>2</sub> &amp; r<sup>2</sup>\n  ')).toBe(
      'Effect of H. pylori on CO2 & r2',
    );
  });
});
