/**
 * PDF extraction on the real article PDFs and edge cases in test/fixtures/pdf
 * (see its README). Each extraction runs pdf-parse in a worker thread, so
 * these tests also prove the thread starts under vitest.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/domain/paper.ts';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { splitStructured } from '../../src/sources/pdf/abstract.ts';
import { checkPdfBytes } from '../../src/sources/pdf/check.ts';
import { type ExtractedPdf, extractPdf } from '../../src/sources/pdf/extract.ts';
import { meaningfulInfoTitle } from '../../src/sources/pdf/front-matter.ts';
import { dehyphenate } from '../../src/sources/pdf/text.ts';
import { classifyParseError } from '../../src/sources/pdf/thread-protocol.ts';
import { formatMegabytes, MEGABYTE } from '../../src/text/bytes.ts';

const MB = MEGABYTE;
const opts = { maxBytes: 20 * MB, fullTextBudgetChars: 200_000 };
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));
const extract = (name: string) => extractPdf(fixture(name), opts);

const labels = (record: PaperRecord) => record.abstract.map((s) => s.label);
const section = (record: PaperRecord, index: number) => record.abstract[index]?.text ?? '';

/** The PermanentError an extraction fails with (the test fails if it does not fail). */
async function failure(
  bytes: Uint8Array,
  options: Parameters<typeof extractPdf>[1] = opts,
): Promise<PermanentError> {
  const err = await extractPdf(bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PermanentError);
  return err as PermanentError;
}

/** Deterministic bytes that are not a PDF (xorshift, fixed seed). */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

describe('extractPdf on real articles', () => {
  it('International Psychogeriatrics 2014: junk Info title replaced by the page title, structured abstract, DOI on page 1', async () => {
    const { record, pages, doi }: ExtractedPdf = await extract('cermine_example1_int_psychogeriatrics.pdf');
    expect(pages).toBe(8);
    expect(record.title).toBe('Stressful life events are not associated with the development of dementia'); // Info.Title is "ipg1300180a"
    expect(doi).toBe('10.1017/s1041610213001804');
    expect(record.ids.doi).toBe('10.1017/s1041610213001804');
    expect(record.authors).toEqual([
      'Anna Sundström',
      'Michael Rönnlund',
      'Rolf Adolfsson',
      'Lars-Göran Nilsson',
    ]);
    expect(record.publishedAt).toBe('2014');
    expect(labels(record)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(record.abstract.map((s) => s.category)).toEqual([
      'BACKGROUND',
      'METHODS',
      'RESULTS',
      'CONCLUSIONS',
    ]);
    expect(section(record, 0)).toMatch(
      /^The impact of stressful life events as a risk factor of dementia diseases is inconclusive\./,
    );
    expect(section(record, 0)).toContain('in a population-based study'); // hyphen kept: "population-based" also appears on one line
    expect(section(record, 3)).toMatch(/trigger the onset of dementia diseases\.$/); // stops before "Key words:"
    expect(record.fullText).not.toMatch(/-- \d+ of \d+ --/);
    expect(record.fullText).not.toContain('\t');
  });

  it('BMC Health Services Research 2014: five authors over several lines, DOI from the "Cite this article as" block', async () => {
    const { record, pages, doi } = await extract('cermine_example2_bmc_hsr_malawi_qi.pdf');
    expect(pages).toBe(10);
    expect(record.title).toBe(
      'Understanding the barriers to setting up a healthcare quality improvement process in resource-limited settings: a situational analysis at the Medical Department of Kamuzu Central Hospital in Lilongwe, Malawi',
    ); // Info.Title is "6489122611071476 1..10"
    expect(doi).toBe('10.1186/1472-6963-14-1');
    expect(record.authors).toEqual([
      'Josephine Nana Afrakoma Agyeman-Duah',
      'Antje Theurer',
      'Charles Munthali',
      'Noor Alide',
      'Florian Neuhann',
    ]);
    expect(labels(record)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(section(record, 0)).toMatch(
      /^Knowledge regarding the best approaches to improving the quality of healthcare/,
    );
    expect(section(record, 3)).toMatch(/contributions from clients, staff and management\.$/); // before "Keywords:"
  });

  it('Journal of Trauma Management & Outcomes 2010: good Info title and Subject, unlabelled abstract, hyphenation repaired', async () => {
    const { record, pages, doi } = await extract('cermine_test1_bmc_trauma_dvt_review.pdf');
    expect(pages).toBe(4);
    expect(record.title).toBe(
      'Complications related to deep venous thrombosis prophylaxis in trauma: a systematic review of the literature',
    );
    expect(doi).toBe('10.1186/1752-2897-4-1');
    expect(record.journal).toBe('Journal of Trauma Management & Outcomes');
    expect(record.publishedAt).toBe('2010');
    expect(record.authors).toEqual([
      'Indraneel Datta',
      'Chad G Ball',
      'Lucas Rudmik',
      'S Morad Hameed',
      'John B Kortbeek',
    ]);
    expect(record.abstract).toHaveLength(1);
    expect(record.abstract[0]?.label).toBeNull();
    expect(section(record, 0)).toMatch(
      /^Deep venous thrombosis prophylaxis is essential to the appropriate management of multisystem trauma patients\./,
    );
    expect(section(record, 0)).toMatch(/they must be appropriately utilized\.$/); // "appro-\npriately", stops at "Introduction"
  });

  it('Rehabilitation Research and Practice 2010 (Hindawi): no Info title, no "Abstract" heading, inline labels', async () => {
    const { record, pages, doi } = await extract('cermine_test2_hindawi_heart_failure.pdf');
    expect(pages).toBe(6);
    expect(record.title).toBe('Patient Experiences of Structured Heart Failure Programmes');
    expect(doi).toBe('10.1155/2010/157939');
    expect(record.journal).toBe('Rehabilitation Research and Practice');
    expect(record.authors).toEqual([
      'Nuala E. Tully',
      'Karen M. Morgan',
      'Helen M. Burke',
      'Hannah M. McGee',
    ]);
    expect(labels(record)).toEqual(['OBJECTIVES', 'METHODS', 'RESULTS', 'CONCLUSION']);
    expect(section(record, 0)).toBe(
      'Patient experiences of structured heart failure rehabilitation and their views on the important components of heart failure services were examined.',
    );
    expect(section(record, 3)).toMatch(
      /necessary to sustain patients’ confidence in disease self-management\.$/,
    );
  });

  it('Postgraduate Medical Journal 2010: Info title "doi:" rejected, labels without colons, abstract ends with the Conclusions', async () => {
    const { record, pages, doi } = await extract('cermine_test5_pgmj_h_pylori_anaemia.pdf');
    expect(pages).toBe(7);
    expect(record.title).toBe(
      'Iron deficiency anaemia can be improved after eradication of Helicobacter pylori',
    );
    expect(doi).toBe('10.1136/pgmj.2009.089987');
    expect(record.authors).toHaveLength(17);
    expect(record.authors[0]).toBe('Xiaolu Huang');
    expect(labels(record)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(section(record, 0)).toMatch(
      /^Recent guidelines on iron deficiency anaemia \(IDA\) have confirmed the aetiological role/,
    );
    expect(section(record, 3)).toMatch(/than proton pump inhibitor \(PPI\) based triple therapy\.$/);
    expect(section(record, 3)).not.toContain('global public health problem'); // the body's first paragraph
  });

  it('cuts the full text to the budget', async () => {
    const { record } = await extractPdf(fixture('cermine_test1_bmc_trauma_dvt_review.pdf'), {
      ...opts,
      fullTextBudgetChars: 1000,
    });
    expect(record.fullText?.length).toBeLessThanOrEqual(1000);
    expect(record.fullText).toMatch(
      /^R E V I E W Open Access\nComplications related to deep venous thrombosis/,
    );
  });

  it('keeps the event loop free while the thread parses', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await extract('cermine_test2_hindawi_heart_failure.pdf');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });
});

describe('extractPdf on edge cases', () => {
  it('an owner-password-only encrypted PDF opens with the empty password and is extracted', async () => {
    const { record, pages, doi } = await extract('encrypted_owner_password_aes.pdf');
    expect(pages).toBe(1);
    expect(doi).toBeNull();
    expect(record.title).toBe('Personal Vitality Rebate'); // Info.Title "IBM-PDFs.graffle" is a file name
    expect(section(record, 0)).toMatch(
      /^Power Sleep Personal Sleep Study A\. SLEEP ENVIRONMENT Go through your bedroom\/hotel room/,
    );
  });

  it('a scanned PDF without a text layer is refused', async () => {
    const err = await failure(fixture('scanned_no_text_layer.pdf'));
    expect(err.message).toBe(
      'This PDF has no text layer (it is a scanned image); paste the abstract or give the DOI.',
    );
    expect(err.hint).toMatch(/does not run OCR/);
  });

  it('a PDF that needs a user password is refused', async () => {
    const locked = fixture('encrypted_owner_password_aes.pdf');
    const u = Buffer.from(locked).indexOf('/U (') + 4;
    locked[u] = (locked[u] ?? 0) ^ 0x10; // the empty password no longer matches /U
    const err = await failure(locked);
    expect(err.message).toMatch(/^This PDF is encrypted .*; save an unprotected copy or give the DOI\.$/);
  });

  it('a truncated PDF (first 2 KB of a real one) is not a readable PDF', async () => {
    const err = await failure(fixture('cermine_test1_bmc_trauma_dvt_review.pdf').subarray(0, 2048));
    expect(err.message).toBe(
      'This file is not a readable PDF (Invalid PDF structure.); it may be damaged or cut short.',
    );
    expect(err.hint).toMatch(/give the DOI or paste the abstract/);
  });

  it('random bytes are refused before a thread starts; behind a %PDF header pdf.js refuses them', async () => {
    expect((await failure(noise(4096))).message).toBe(
      'This is not a PDF file (it does not start with %PDF).',
    );
    const withHeader = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...noise(4096)]);
    expect((await failure(withHeader)).message).toMatch(
      /^This file is not a readable PDF \(Invalid PDF structure\.\)/,
    );
  });

  it('an HTML page saved as .pdf says what it starts with', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><head><title>Article</title></head></html>');
    expect((await failure(page)).message).toBe(
      "This is not a PDF file (it starts with '<!DOCTYPE html><html').",
    );
  });

  it('a PDF over the size limit is refused with both sizes', async () => {
    const big = new Uint8Array(11 * MB);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const err = await failure(big, { ...opts, maxBytes: 10 * MB });
    expect(err.message).toBe('This PDF is 11 MB, over the 10 MB limit; give the DOI or paste the abstract.');
  });

  it('one size check and one megabyte for intake and extraction: 10^6 bytes, named file', () => {
    expect(['25000000', '11534336', '999999'].map((n) => formatMegabytes(Number(n)))).toEqual([
      '25',
      '11.5',
      '1.0',
    ]);
    const big = new Uint8Array(30_500_000);
    expect(() => checkPdfBytes(big, 25_000_000, 'paper.pdf')).toThrow(
      'paper.pdf is 30.5 MB, over the 25 MB limit; give the DOI or paste the abstract.',
    );
    expect(() => checkPdfBytes(new TextEncoder().encode('<html>'), 100, 'page.html')).toThrow(
      "page.html is not a PDF file (it starts with '<html>').",
    );
  });

  it('a thread that runs past the deadline is stopped', async () => {
    const err = await failure(fixture('cermine_test2_hindawi_heart_failure.pdf'), { ...opts, timeoutMs: 20 });
    expect(err.message).toBe('Reading this PDF took longer than 20 ms and was stopped.');
  });

  it('the thread pool serves more PDFs than threads at once, and recovers from a stopped thread', async () => {
    const names = [
      'cermine_test1_bmc_trauma_dvt_review.pdf',
      'cermine_test2_hindawi_heart_failure.pdf',
      'cermine_test5_pgmj_h_pylori_anaemia.pdf',
    ];
    await failure(fixture(names[0] ?? ''), { ...opts, timeoutMs: 1, threads: 1 });
    const results = await Promise.all(
      names.map((name) => extractPdf(fixture(name), { ...opts, threads: 1 })),
    );
    expect(results.map((r) => r.pages)).toEqual([4, 6, 7]);
    expect(results[2]?.doi).toBe('10.1136/pgmj.2009.089987');
  });

  it('reads only the pages the record and the text budget need, and still counts them all', async () => {
    const bmc = fixture('cermine_example2_bmc_hsr_malawi_qi.pdf');
    const whole = await extractPdf(bmc, opts);
    const cut = await extractPdf(bmc, { ...opts, fullTextBudgetChars: 1000 });
    expect(cut.pages).toBe(whole.pages);
    expect(cut.doi).toBe(whole.doi); // found on the last page, which is read too
    expect(cut.record.abstract).toEqual(whole.record.abstract);
    expect(whole.record.fullText?.startsWith(cut.record.fullText ?? '-')).toBe(true);
  });
});

describe('PDF heuristics', () => {
  it('rejects junk Info titles seen in real PDFs', () => {
    for (const junk of [
      'ipg1300180a',
      '6489122611071476 1..10',
      'doi:',
      'IBM-PDFs.graffle',
      'Microsoft Word - draft3.docx',
      '',
    ]) {
      expect(meaningfulInfoTitle(junk)).toBeNull();
    }
    expect(meaningfulInfoTitle('Complications related to deep venous thrombosis prophylaxis')).toBe(
      'Complications related to deep venous thrombosis prophylaxis',
    );
  });

  it('dehyphenates only where the hyphen is a line-break artefact', () => {
    const lines = [
      'they must be appro-',
      'priately utilized. A population-',
      'based study',
      'see population-based cohorts',
    ];
    expect(dehyphenate(lines)).toEqual([
      'they must be appropriately',
      'utilized. A population-based',
      'study',
      'see population-based cohorts',
    ]);
  });

  it('splits structured abstracts only when they start with a label', () => {
    expect(splitStructured('Background: A. Methods: B. Results: C.').map((s) => [s.label, s.text])).toEqual([
      ['BACKGROUND', 'A.'],
      ['METHODS', 'B.'],
      ['RESULTS', 'C.'],
    ]);
    expect(splitStructured('We studied X. Results: none.')).toEqual([
      { label: null, category: null, text: 'We studied X. Results: none.' },
    ]);
  });

  it('maps pdf.js errors to what the user can do about them', () => {
    const named = (name: string) => Object.assign(new Error('m'), { name });
    expect(classifyParseError(named('PasswordException')).failure).toBe('password');
    expect(classifyParseError(named('InvalidPDFException')).failure).toBe('invalid');
    expect(classifyParseError(named('TypeError'))).toEqual({ failure: 'failed', detail: 'TypeError: m' });
  });
});
