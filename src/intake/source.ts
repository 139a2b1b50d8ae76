/**
 * Supplying the text of a paper held as `needs_source` (no abstract in the
 * feed, Crossref, Europe PMC or PubMed): pasted text becomes the record's
 * abstract and the paper goes straight to the summarizer; an uploaded PDF is
 * stored and the paper goes back through ingest, which parses it and keeps
 * the metadata already known (title, authors, journal, DOI). Only a paper
 * that is waiting for its text can be given one.
 */

import { recordIdentities } from '../domain/identity.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { PaperState } from '../domain/state.ts';
import { allows, TRANSITIONS } from '../domain/transitions.ts';
import { InputError } from '../errors/input-error.ts';
import { StateError } from '../errors/state-error.ts';
import { checkPdfBytes } from '../sources/pdf/check.ts';
import { parsePastedText } from '../sources/text.ts';
import type { SubmitDeps } from './submit.ts';

export type SourceRequest =
  | { kind: 'text'; text: string }
  | { kind: 'pdf'; fileName: string; bytes: Uint8Array };

export async function provideSource(
  deps: SubmitDeps,
  id: string,
  req: SourceRequest,
  actor: string,
): Promise<{ state: PaperState }> {
  const paper = await deps.store.require(id);
  const known = paper.record;
  if (!allows(TRANSITIONS.sourcePasted.from, paper.state) || !known)
    throw new StateError('source provided', id, paper.state, TRANSITIONS.sourcePasted.from);
  if (req.kind === 'text') {
    const { sections } = parsePastedText({
      text: req.text,
      title: known.title,
      maxBytes: deps.config.limits.maxTextBytes,
    });
    const record: PaperRecord = { ...known, abstract: sections };
    const elsewhere = await deps.store.setRecord(id, paper, record, recordIdentities(record), {
      ...TRANSITIONS.sourcePasted,
      actor,
      note: `pasted text (${req.text.trim().length} characters)`,
    });
    if (elsewhere)
      throw new InputError(`That text is already the abstract of paper ${elsewhere}.`, {
        hint: `Check that it is the abstract of "${known.title.slice(0, 80)}"; the other paper is \`laysum status ${elsewhere}\`.`,
      });
    await deps.enqueue.summarize(id, paper.draftCount + 1);
    return { state: 'summarizing' };
  }
  checkPdfBytes(req.bytes, deps.config.limits.maxPdfBytes, req.fileName);
  await deps.store.putBlob(id, req.bytes);
  // Ingest parses the PDF (in a worker thread) and keeps the record's metadata.
  const submission = { kind: 'pdf' as const, fileName: req.fileName, bytes: req.bytes.byteLength };
  await deps.store.setRecord(id, { ...paper, submission }, known, [], {
    ...TRANSITIONS.sourceUploaded,
    actor,
    note: `PDF ${req.fileName} (was a ${paper.submission.kind} submission)`,
  });
  await deps.enqueue.ingest(id);
  return { state: 'queued' };
}
