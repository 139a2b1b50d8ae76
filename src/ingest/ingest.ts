/**
 * The ingest stage: resolve a submission into a normalized paper record,
 * claim the identities it reveals (so the same paper never enters twice), and
 * hand the paper to the summarizer. Idempotent: a retried or duplicated job
 * for a paper already past ingest does nothing.
 */

import type { Config } from '../config/env.ts';
import { abstractText, capTitle, type Paper, type PaperRecord } from '../domain/paper.ts';
import { PermanentError } from '../errors/permanent-error.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { recordIdentities } from '../store/identity.ts';
import { adoptFrom, discard } from '../store/merges.ts';
import type { PaperStore } from '../store/papers.ts';
import { type Resolvers, resolveSubmission } from './resolvers.ts';

export interface IngestDeps {
  store: PaperStore;
  enqueue: Enqueuer;
  resolvers: Resolvers;
  config: Config;
}

export type IngestOutcome = 'summarizing' | 'duplicate' | 'skipped';

export async function ingestPaper(deps: IngestDeps, paperId: string): Promise<IngestOutcome> {
  const { store } = deps;
  const paper = await store.require(paperId);
  if (paper.state !== 'queued' && paper.state !== 'ingesting') {
    // Already ingested; make sure the summarizer job exists (a crash between the two steps).
    if (paper.state === 'summarizing') await deps.enqueue.summarize(paperId, paper.draftCount + 1);
    return 'skipped';
  }
  // The paper shows as ingesting while its source is fetched or parsed: both at once, and both
  // settled before going on, so a failure is recorded after "ingest started", never before it.
  const [started, resolved] = await Promise.allSettled([
    paper.state === 'queued'
      ? store.transition(paperId, {
          from: ['queued'],
          to: 'ingesting',
          actor: 'ingest',
          action: 'ingest started',
        })
      : null,
    resolveSubmission(
      paper.submission,
      deps.resolvers,
      () => store.getBlob(paperId),
      deps.config.limits.maxTextBytes,
    ),
  ]);
  if (started.status === 'rejected') throw started.reason;
  if (resolved.status === 'rejected') throw resolved.reason;
  const record = { ...resolved.value, title: capTitle(resolved.value.title) };
  requireSummarizable(record, paper);
  // Recorded and moved on to summarizing in one script, unless the record reveals a duplicate.
  const duplicateOf = await store.setRecord(paperId, paper, record, recordIdentities(record), {
    from: ['ingesting'],
    to: 'summarizing',
    actor: 'ingest',
    action: 'ingested',
    note: `${record.title.slice(0, 120)}${record.journal ? ` (${record.journal})` : ''}`,
  });
  if (duplicateOf) {
    await discard(store, paperId, duplicateOf);
    const ids = [
      record.ids.doi && `DOI ${record.ids.doi}`,
      record.ids.pmid && `PMID ${record.ids.pmid}`,
    ].filter(Boolean);
    const what = `${paper.submission.kind} submission ${paperId}${ids.length ? ` (${ids.join(', ')})` : ''}`;
    await adoptFrom(store, duplicateOf, record.ids, `${what} is the same paper: merged into this one`);
    return 'duplicate';
  }
  await deps.enqueue.summarize(paperId, 1);
  return 'summarizing';
}

/** A paper with nothing to summarize must not get a made-up summary. */
function requireSummarizable(record: PaperRecord, paper: Paper): void {
  if (abstractText(record).trim().length > 0 || (record.fullText ?? '').trim().length > 0) return;
  const what =
    paper.submission.kind === 'pmid'
      ? `PubMed record ${paper.submission.pmid}`
      : `"${record.title.slice(0, 80)}"`;
  throw new PermanentError(`${what} has no abstract or text to summarize.`, {
    hint: 'Paste the abstract with `laysum submit --text FILE --title "..."`, or submit the PDF.',
  });
}
