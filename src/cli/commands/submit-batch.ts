/**
 * `laysum submit --batch FILE`: queue every DOI/PMID in a list, CSV or RIS
 * file, with a progress bar and a final tally (queued, already known, invalid
 * lines with their numbers). The work is src/intake/batch.ts, shared with the
 * desk's batch upload.
 */
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Origin } from '../../domain/paper.ts';
import { type BatchTally, submitBatchText, tallyLine } from '../../intake/batch.ts';
import type { Context } from '../../runtime/context.ts';
import { decodeUtf8 } from '../../sources/text.ts';
import { readInput } from '../input.ts';
import { note, print, printJson } from '../output.ts';

export type { BatchTally } from '../../intake/batch.ts';

export async function submitBatch(
  ctx: Context,
  path: string,
  origin: Origin,
  json: boolean,
): Promise<BatchTally> {
  // `--batch -`: the list comes on standard input (its format is told from its content).
  const bytes = await readInput(path, 'batch file ');
  const name = path === '-' ? 'stdin' : basename(path);
  const bar =
    !json && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: 'submitting {bar} {value}/{total} lines' },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const tally = await submitBatchText(
    ctx,
    decodeUtf8(bytes, path === '-' ? 'Standard input' : path),
    name,
    origin,
    {
      onStart: (n) => bar?.start(n, 0),
      onEntry: () => bar?.increment(),
    },
  );
  bar?.stop();
  // The CLI names the file as it was given.
  tally.file = path === '-' ? 'standard input' : path;
  if (json) printJson(tally);
  else printTally(tally);
  if (tally.queued.length === 0 && tally.duplicates.length === 0) process.exitCode = 1;
  return tally;
}

function printTally(t: BatchTally): void {
  print(tallyLine(t));
  for (const d of t.duplicates) print(`  line ${d.line}: ${d.value} is already ${d.id} (${d.state})`);
  for (const i of t.invalid) print(`  line ${i.line}: ${i.text.slice(0, 60)}: ${i.problem}`);
  if (t.queued.length) note('Run `laysum worker` (or `laysum worker --drain`) to process the queued papers.');
}
