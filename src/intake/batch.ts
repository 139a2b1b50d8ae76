/**
 * A batch of papers at once (a list of DOIs/PMIDs, a CSV or an RIS export):
 * parse it with src/sources/batch and submit each entry through submitPaper,
 * tallying what was queued, what was already known and which lines could not
 * be used. The CLI (`submit --batch`) and the desk's batch upload both call
 * this, so they count the same way. One bad line never stops the rest.
 */
import type { Origin } from '../domain/paper.ts';
import { describeError } from '../errors/describe.ts';
import { InputError } from '../errors/input-error.ts';
import { parseBatch } from '../sources/batch/parse.ts';
import { type SubmitDeps, submitPaper } from './submit.ts';

export interface BatchTally {
  file: string;
  queued: Array<{ line: number; value: string; id: string }>;
  duplicates: Array<{ line: number; value: string; id: string; state: string }>;
  invalid: Array<{ line: number; text: string; problem: string }>;
}

export interface BatchOptions {
  /** Called with the number of entries once parsed, then after each one. */
  onStart?: (entries: number) => void;
  onEntry?: () => void;
}

/** Submit every entry of a batch file's text; `fileName` picks the format by extension and names the batch. */
export async function submitBatchText(
  deps: SubmitDeps,
  content: string,
  fileName: string,
  origin: Origin,
  options: BatchOptions = {},
): Promise<BatchTally> {
  const parsed = parseBatch(content, fileName);
  const max = deps.config.limits.maxBatchItems;
  if (parsed.entries.length > max)
    throw new InputError(
      `${fileName} has ${parsed.entries.length} entries, over the limit of ${max} a batch (MAX_BATCH_ITEMS). Nothing was queued.`,
      { hint: `Split it into files of at most ${max} entries, or raise MAX_BATCH_ITEMS.` },
    );
  const tally: BatchTally = { file: fileName, queued: [], duplicates: [], invalid: [...parsed.invalid] };
  options.onStart?.(parsed.entries.length);
  for (const [batchIndex, entry] of parsed.entries.entries()) {
    const request =
      entry.kind === 'doi'
        ? { kind: 'doi' as const, doi: entry.value }
        : { kind: 'pmid' as const, pmid: entry.value };
    try {
      const r = await submitPaper(deps, request, { ...origin, batch: fileName, batchIndex });
      if (r.created) tally.queued.push({ line: entry.line, value: entry.value, id: r.id });
      else tally.duplicates.push({ line: entry.line, value: entry.value, id: r.id, state: r.state });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      tally.invalid.push({ line: entry.line, text: entry.value, problem: describeError(err) });
    }
    options.onEntry?.();
  }
  tally.invalid.sort((a, b) => a.line - b.line);
  return tally;
}

/** The one-line tally both the CLI and the desk print. */
export function tallyLine(t: BatchTally): string {
  return `${t.file}: ${t.queued.length} queued, ${t.duplicates.length} already known (skipped), ${t.invalid.length} invalid line(s).`;
}
