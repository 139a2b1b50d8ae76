/**
 * `npm run bench`: start-up and parsing speed figures (printed, never asserted).
 * - Start-up: `laysum --help` and `laysum status ID` beside `node -e 0` (./startup.ts).
 * - PubMed XML: articles/s over the recorded real EFetch and MEDLINE files.
 * - PDF: pages/s of LaySum's extractor (pdf-parse in a worker thread) beside
 *   poppler's `pdftotext` on the same real PDFs, where it is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractPdf } from '../src/sources/pdf/extract.ts';
import { parsePubmedXml } from '../src/sources/pubmed/parse-xml.ts';
import { benchSite } from './site.ts';
import { benchStartup } from './startup.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

function pubmedInputs(): string[] {
  const dir = new URL('pubmed/', FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml') || f.endsWith('.xml.gz'))
    .map((f) => {
      const bytes = readFileSync(new URL(f, dir));
      return f.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    });
}

function benchPubmed(): void {
  const inputs = pubmedInputs();
  let articles = 0;
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    for (const xml of inputs) articles += parsePubmedXml(xml).records.length;
    rounds++;
  }
  const seconds = (performance.now() - start) / 1000;
  const mb = inputs.reduce((n, x) => n + x.length, 0) / 1e6;
  console.log(
    `PubMed XML: ${(articles / seconds).toFixed(0)} articles/s (${articles / rounds} articles, ${mb.toFixed(1)} MB per round, ${rounds} rounds)`,
  );
}

function pdfFiles(): string[] {
  const dir = new URL('pdf/', FIXTURES);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && !/scanned|encrypted|trunc/i.test(f))
    .map((f) => new URL(f, dir).pathname);
}

async function benchPdf(): Promise<void> {
  const files = pdfFiles();
  if (files.length === 0) return console.log('PDF: no PDFs in test/fixtures/pdf');
  let pages = 0;
  const start = performance.now();
  for (const file of files) {
    const r = await extractPdf(readFileSync(file), { maxBytes: 50_000_000, fullTextBudgetChars: 1_000_000 });
    pages += r.pages;
  }
  const ours = (performance.now() - start) / 1000;
  console.log(
    `PDF (LaySum, pdf-parse in a worker thread): ${(pages / ours).toFixed(1)} pages/s (${pages} pages in ${files.length} files, ${ours.toFixed(2)} s)`,
  );
  if (spawnSync('pdftotext', ['-v']).status !== 0) {
    return console.log('PDF (pdftotext): not installed (apt-get install poppler-utils to compare)');
  }
  const t0 = performance.now();
  for (const file of files) execFileSync('pdftotext', ['-q', file, '-']);
  const theirs = (performance.now() - t0) / 1000;
  console.log(
    `PDF (poppler pdftotext):                ${(pages / theirs).toFixed(1)} pages/s (${theirs.toFixed(2)} s)`,
  );
}

await benchStartup();
benchPubmed();
await benchPdf();
await benchSite();
await (await import('./rate-limits.ts')).benchRateLimits();
