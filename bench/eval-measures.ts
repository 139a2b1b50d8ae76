/**
 * Figures for `npm run eval` that need no summarizer: each check on its
 * labelled corpus, the evidence level's coverage of the real PubMed records
 * in test/fixtures/pubmed, and how well each reading formula separates human
 * lay summaries from their Cochrane sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PaperRecord } from '../src/domain/paper.ts';
import { evidenceLevel } from '../src/evidence/ceiling.ts';
import { parsePubmedXml } from '../src/sources/pubmed/parse-xml.ts';
import { type ReadingFigures, readingFigures } from '../src/text/readability.ts';
import { loadCorpora, scoreCorpus } from './check-corpus.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '–');
const col = (s: string | number, w: number) => String(s).padStart(w);

export function printCheckTable(): void {
  console.log('Checks on their labelled corpora (test/fixtures/checks):\n');
  console.log('check            problems  caught  missed  false flags  (of clean)');
  for (const corpus of loadCorpora()) {
    const s = scoreCorpus(corpus);
    console.log(
      `${s.check.padEnd(16)} ${col(s.problems, 8)} ${col(`${s.caught} ${pct(s.caught, s.problems)}`, 7)} ${col(s.missed.length, 7)} ${col(`${s.falseFlags.length} ${pct(s.falseFlags.length, s.clean)}`, 12)} ${col(s.clean, 9)}${s.missed.length || s.falseFlags.length ? `   missed: ${s.missed.join(', ') || '-'}; false: ${s.falseFlags.join(', ') || '-'}` : ''}`,
    );
  }
}

export function pubmedRecords(): PaperRecord[] {
  const dir = new URL('pubmed/', FIXTURES);
  return readdirSync(dir)
    .filter((f) => /\.xml(\.gz)?$/.test(f))
    .flatMap((f) => {
      const bytes = readFileSync(new URL(f, dir));
      const xml = f.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      return parsePubmedXml(xml).records.flatMap((r) => (r.record?.abstract.length ? [r.record] : []));
    });
}

export function printEvidenceCoverage(): void {
  const records = pubmedRecords();
  const designs = new Map<string, number>();
  let recognized = 0;
  let fromText = 0;
  for (const r of records) {
    const level = evidenceLevel(r);
    const key = level.design?.id ?? '(not recognized)';
    designs.set(key, (designs.get(key) ?? 0) + 1);
    if (level.design) recognized++;
    if (level.design && level.design.from !== 'publication type') fromText++;
  }
  console.log(
    `\nEvidence level on ${records.length} real PubMed records with abstracts (test/fixtures/pubmed): design recognized for ${recognized} (${pct(recognized, records.length)}), ${fromText} of them from the abstract's words`,
  );
  console.log(
    [...designs]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(' · '),
  );
}

/** Share of (source, lay) pairs where the formula rates the lay text easier, and the AUC over all texts. */
function separation(sources: ReadingFigures[], lay: ReadingFigures[], key: 'grade' | 'hardWordShare') {
  const pairs = sources.filter((s, i) => s[key] > (lay[i]?.[key] ?? Number.POSITIVE_INFINITY)).length;
  let wins = 0;
  for (const s of sources) for (const l of lay) wins += s[key] > l[key] ? 1 : s[key] === l[key] ? 0.5 : 0;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    pairs,
    auc: wins / (sources.length * lay.length),
    source: median(sources.map((x) => x[key])),
    lay: median(lay.map((x) => x[key])),
  };
}

export function printFormulaComparison(): void {
  const read = (ext: string) =>
    readFileSync(new URL(`readability/cochrane_devaraj_test_100.${ext}`, FIXTURES), 'utf8')
      .trim()
      .split('\n');
  const sources = read('source').map(readingFigures);
  const lay = read('target').map(readingFigures);
  console.log(
    `\nReading formulas on ${sources.length} Cochrane abstracts and their human plain language summaries:`,
  );
  for (const [key, name, unit] of [
    ['grade', 'Flesch-Kincaid grade', 1],
    ['hardWordShare', 'Dale-Chall unfamiliar-word share', 100],
  ] as const) {
    const s = separation(sources, lay, key);
    console.log(
      `${name.padEnd(34)} median abstract ${(s.source * unit).toFixed(1)} vs lay ${(s.lay * unit).toFixed(1)}; lay rated easier in ${s.pairs}/${sources.length} pairs; AUC ${s.auc.toFixed(3)}`,
    );
  }
}
