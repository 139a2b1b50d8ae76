/** `laysum submit`: queue a paper from pasted text, a PMID, a DOI, a PDF, or a batch file. */
import { basename } from 'node:path';
import { z } from 'zod';
import { givenKinds, SubmitRequest } from '../../domain/submission.ts';
import { InputError } from '../../errors/input-error.ts';
import { provideSource } from '../../intake/source.ts';
import { type SubmitResult, submitPaper } from '../../intake/submit.ts';
import { resolvePaperId } from '../../review/view.ts';
import { decodeUtf8 } from '../../sources/text.ts';
import { readInput } from '../input.ts';
import { note, print, printJson } from '../output.ts';
import { withContext } from '../session.ts';
import { workersSeen } from '../workers.ts';
import { submitBatch } from './submit-batch.ts';

export interface SubmitOptions {
  text?: string;
  title?: string;
  journal?: string;
  pmid?: string;
  doi?: string;
  pdf?: string;
  batch?: string;
  as?: string;
  json?: boolean;
}

/**
 * The flags as one SubmitRequest: the domain's rule of exactly one of
 * text, pmid, doi or pdf (batch is the CLI's own), checked before any file
 * or stdin is read, and the request parsed with the same schema as the API's.
 */
async function toRequest(o: SubmitOptions): Promise<SubmitRequest> {
  const flags = {
    ...o,
    pdf: o.pdf === undefined ? undefined : { fileName: o.pdf, bytes: new Uint8Array(1) },
  };
  const given = [...givenKinds(flags), ...(o.batch !== undefined ? ['batch'] : [])];
  if (given.length !== 1) {
    throw new InputError(given.length ? `Give only one of --${given.join(', --')}.` : 'Nothing to submit.', {
      hint: 'Use one of: --text FILE (or - for stdin), --pmid N, --doi DOI, --pdf FILE, --batch FILE.',
    });
  }
  const [kind] = given;
  const request =
    kind === 'text' && o.text !== undefined
      ? {
          kind,
          text: decodeUtf8(await readInput(o.text), o.text === '-' ? 'Standard input' : o.text),
          title: o.title,
          journal: o.journal,
        }
      : kind === 'pdf' && o.pdf !== undefined
        ? { kind, fileName: basename(o.pdf), bytes: await readInput(o.pdf) }
        : { kind, pmid: o.pmid, doi: o.doi };
  const parsed = SubmitRequest.safeParse(request);
  if (!parsed.success)
    throw new InputError(`The submission is not valid: ${z.prettifyError(parsed.error)}`, {
      hint: 'Run `laysum submit --help` for the options.',
    });
  return parsed.data;
}

export function describeResult(r: SubmitResult): string {
  return r.created
    ? `Queued ${r.id}. Run \`laysum worker\` (or \`laysum worker --drain\`) to process it; \`laysum status ${r.id}\` shows progress.`
    : `Already known: this paper is ${r.id} (${r.state}). Nothing new was queued.`;
}

export function submit(o: SubmitOptions): Promise<void> {
  return withContext(async (ctx) => {
    const origin = { actor: o.as ?? 'cli' };
    if (o.batch !== undefined && [o.text, o.pmid, o.doi, o.pdf].every((v) => v === undefined)) {
      await submitBatch(ctx, o.batch, origin, Boolean(o.json));
      return;
    }
    const result = await submitPaper(ctx, await toRequest(o), origin);
    if (o.json) printJson({ ...result, duplicate: !result.created });
    else print(describeResult(result));
    // Said on stderr, so --json output stays one document: the paper only waits while no worker runs.
    const { warning } = (await workersSeen(ctx)).presence;
    if (result.created && warning) note(`Note: ${warning}`);
  });
}

/** `laysum source ID --text FILE | --pdf FILE`: the text of a paper held as needs_source. */
export function supplySource(
  id: string,
  o: Pick<SubmitOptions, 'text' | 'pdf' | 'as' | 'json'>,
): Promise<void> {
  return withContext(async (ctx) => {
    if ((o.text === undefined) === (o.pdf === undefined))
      throw new InputError('Give exactly one of --text FILE or --pdf FILE.', {
        hint: 'The text file holds the abstract (or `-` for stdin); the PDF is the paper itself.',
      });
    const pid = await resolvePaperId(ctx.store, id);
    const request =
      o.text !== undefined
        ? {
            kind: 'text' as const,
            text: decodeUtf8(await readInput(o.text), o.text === '-' ? 'Standard input' : o.text),
          }
        : { kind: 'pdf' as const, fileName: basename(o.pdf ?? ''), bytes: await readInput(o.pdf ?? '') };
    const { state } = await provideSource(ctx, pid, request, o.as ?? 'cli');
    if (o.json) printJson({ id: pid, state });
    else print(`${pid} has its text and is ${state}; run \`laysum worker\` to draft it.`);
  });
}
