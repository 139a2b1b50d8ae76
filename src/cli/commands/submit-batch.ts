/**
 * `laysum submit --batch FILE`: queue every DOI/PMID in a list, CSV or RIS
 * file, with a progress bar and a final tally (queued, already known, invalid
 * lines with their numbers). One bad line never stops the rest.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Origin } from '../../domain/paper.ts';
import { describeError } from '../../errors/describe.ts';
import { InputError } from '../../errors/input-error.ts';
import { submitPaper } from '../../intake/submit.ts';
import type { Context } from '../../runtime/context.ts';
import { parseBatch } from '../../sources/batch/parse.ts';
import { decodeUtf8 } from '../../sources/text.ts';
import { note, print, printJson } from '../output.ts';

export interface BatchTally {
  file: string;
  queued: Array<{ line: number; value: string; id: string }>;
  duplicates: Array<{ line: number; value: string; id: string; state: string }>;
  invalid: Array<{ line: number; text: string; problem: string }>;
}

export async function submitBatch(
  ctx: Context,
  path: string,
  origin: Origin,
  json: boolean,
): Promise<BatchTally> {
  const bytes = await readFile(path).catch(() => {
    throw new InputError(`Cannot read batch file ${path}.`, { hint: 'Check the path.' });
  });
  const parsed = parseBatch(decodeUtf8(bytes, path), basename(path));
  const tally: BatchTally = { file: path, queued: [], duplicates: [], invalid: [...parsed.invalid] };
  const bar =
    !json && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: 'submitting {bar} {value}/{total} lines' },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(parsed.entries.length, 0);
  for (const entry of parsed.entries) {
    const request =
      entry.kind === 'doi'
        ? { kind: 'doi' as const, doi: entry.value }
        : { kind: 'pmid' as const, pmid: entry.value };
    try {
      const r = await submitPaper(ctx, request, { ...origin, batch: basename(path) });
      if (r.created) tally.queued.push({ line: entry.line, value: entry.value, id: r.id });
      else tally.duplicates.push({ line: entry.line, value: entry.value, id: r.id, state: r.state });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      tally.invalid.push({ line: entry.line, text: entry.value, problem: describeError(err) });
    }
    bar?.increment();
  }
  bar?.stop();
  tally.invalid.sort((a, b) => a.line - b.line);
  if (json) printJson(tally);
  else printTally(tally);
  if (tally.queued.length === 0 && tally.duplicates.length === 0) process.exitCode = 1;
  return tally;
}

function printTally(t: BatchTally): void {
  print(
    `${t.file}: ${t.queued.length} queued, ${t.duplicates.length} already known (skipped), ${t.invalid.length} invalid line(s).`,
  );
  for (const d of t.duplicates) print(`  line ${d.line}: ${d.value} is already ${d.id} (${d.state})`);
  for (const i of t.invalid) print(`  line ${i.line}: ${i.text.slice(0, 60)}: ${i.problem}`);
  if (t.queued.length) note('Run `laysum worker` (or `laysum worker --drain`) to process the queued papers.');
}
