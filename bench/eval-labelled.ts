/**
 * The checks on text written and labelled by others (shared/realdata/labelled,
 * see docs/checks.md for how each label maps to flawed or faithful): caught,
 * missed and false flags per check and corpus, the tuning part and the
 * held-out part apart. `npm run eval:labelled -- --tuning` prints the tuning
 * part alone, with example ids, for use while tuning; `npm run eval` prints
 * both. The corpora are found in a `shared/realdata/labelled` folder beside the
 * repository or above it, or at LAYSUM_LABELLED_DIR.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jargonCorpora, jargonTally } from './labelled/jargon.ts';
import { loadCases, type Tally, tally } from './labelled/score.ts';

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '–');

export function labelledDir(): URL | null {
  const given = process.env.LAYSUM_LABELLED_DIR;
  if (given) return pathToFileURL(`${resolve(given)}/`);
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'realdata', 'labelled');
    if (existsSync(candidate)) return pathToFileURL(`${candidate}/`);
  }
  return null;
}

/** "caught 90% (target ≥ 90%: met)" style verdict for a row. */
function verdict(t: Tally): string {
  const caught = t.flawed ? t.caught / t.flawed >= 0.9 : null;
  const quiet = t.faithful ? t.falseFlags / t.faithful <= 0.1 : null;
  const parts = [
    caught === null ? '' : caught ? 'catch met' : 'CATCH NOT MET',
    quiet === null ? '' : quiet ? 'false flags met' : 'FALSE FLAGS NOT MET',
  ];
  return parts.filter(Boolean).join(', ');
}

export function formatTallies(tallies: readonly Tally[], withExamples: boolean): string[] {
  const lines = [
    '| check | corpus | part | flawed | caught | missed | faithful | false flags | targets (≥90% caught, ≤10% false) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of tallies) {
    lines.push(
      `| ${t.check} | ${t.corpus} | ${t.part} | ${t.flawed} | ${t.flawed ? `${t.caught} (${pct(t.caught, t.flawed)})` : '–'} | ${t.flawed ? t.flawed - t.caught : '–'} | ${t.faithful} | ${t.faithful ? `${t.falseFlags} (${pct(t.falseFlags, t.faithful)})` : '–'} | ${verdict(t)} |`,
    );
    if (withExamples && t.examples.length)
      lines.push(`|  | e.g. ${t.examples.slice(0, 6).join(', ')} | | | | | | | |`);
  }
  return lines;
}

export function printLabelledTable(options: { tuningOnly: boolean }): void {
  const dir = labelledDir();
  if (!dir) {
    console.log(
      '\nLabelled corpora not found (shared/realdata/labelled, or set LAYSUM_LABELLED_DIR): skipped.',
    );
    return;
  }
  const { cases, missing } = loadCases(dir);
  const shown = options.tuningOnly ? cases.filter((c) => !c.heldOut) : cases;
  console.log(
    `\nChecks on corpora written and labelled by others (${fileURLToPath(dir)}), ${options.tuningOnly ? 'tuning part only' : 'tuning and held-out parts'}:\n`,
  );
  for (const line of formatTallies(tally(shown), options.tuningOnly)) console.log(line);
  if (missing.length) console.log(`\nMissing: ${missing.join(', ')}`);
  printJargonTable(new URL('../', dir), options.tuningOnly);
}

/** The jargon check on lay text written by others (./labelled/jargon.ts says what it measures). */
function printJargonTable(realdata: URL, tuningOnly: boolean): void {
  console.log(
    '\nJargon on text written by others (lay text should rarely be flagged; abstracts for contrast):\n',
  );
  console.log('| corpus | part | documents flagged | sentences flagged |');
  console.log('|---|---|---|---|');
  for (const { corpus, docs } of jargonCorpora(realdata)) {
    for (const t of jargonTally(corpus, docs)) {
      if (tuningOnly && t.part === 'held out') continue;
      console.log(
        `| ${corpus} | ${t.part} | ${t.docsFlagged}/${t.docs} (${pct(t.docsFlagged, t.docs)}) | ${t.sentencesFlagged}/${t.sentences} (${pct(t.sentencesFlagged, t.sentences)}) |`,
      );
      if (tuningOnly && t.top.length) console.log(`|  | e.g. ${t.top.join(', ')} | | |`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printLabelledTable({ tuningOnly: process.argv.includes('--tuning') });
}
