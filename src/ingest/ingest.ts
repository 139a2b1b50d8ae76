/**
 * The ingest stage: resolve a submission into a normalized paper record,
 * claim the identities it reveals (so the same paper never enters twice), and
 * hand the paper to the summarizer. A record with no abstract or text is
 * looked up by its DOI first (Crossref, Europe PMC, PubMed); with none
 * anywhere, the paper is held as `needs_source`, with the reason, for a
 * person to paste the text or upload the PDF: nothing is ever drafted from a
 * title and a citation, and no LLM call is spent on it. Idempotent: a retried
 * or duplicated job for a paper already past ingest does nothing.
 */

import type { Config } from '../config/env.ts';
import { recordIdentities } from '../domain/identity.ts';
import { abstractText, capTitle, type Paper, type PaperRecord, queuePriority } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { allows, TRANSITIONS } from '../domain/transitions.ts';
import { PermanentError } from '../errors/permanent-error.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { adoptFrom, discard } from '../store/merges.ts';
import { type Resolvers, resolveSubmission } from './resolvers.ts';

export interface IngestDeps {
  store: Papers;
  enqueue: Enqueuer;
  resolvers: Resolvers;
  config: Config;
}

export type IngestOutcome = 'summarizing' | 'needs_source' | 'duplicate' | 'skipped';

export async function ingestPaper(deps: IngestDeps, paperId: string): Promise<IngestOutcome> {
  const { store } = deps;
  const paper = await store.require(paperId);
  const starts = allows(TRANSITIONS.startIngest.from, paper.state);
  if (!starts && !allows(TRANSITIONS.ingested.from, paper.state)) {
    // Already ingested; make sure the summarizer job exists (a crash between the two steps).
    if (paper.state === 'summarizing') await deps.enqueue.summarize(paperId, paper.draftCount + 1);
    return 'skipped';
  }
  // The paper shows as ingesting while its source is fetched or parsed: both at once, and both
  // settled before going on, so a failure is recorded after "ingest started", never before it.
  const [started, resolved] = await Promise.allSettled([
    starts ? store.transition(paperId, { ...TRANSITIONS.startIngest, actor: 'ingest' }) : null,
    resolveSubmission(
      paper.submission,
      deps.resolvers,
      () => store.getBlob(paperId),
      deps.config.limits.maxTextBytes,
    ),
  ]);
  if (started.status === 'rejected') throw started.reason;
  if (resolved.status === 'rejected') throw resolved.reason;
  const capped = { ...resolved.value, title: capTitle(resolved.value.title) };
  const record = await withTextByDoi(keepKnownMetadata(paper.record, capped), paper, deps.resolvers);
  const missing = hasText(record) ? null : missingSource(record, paper);
  // Recorded and moved on to summarizing in one script, unless the record reveals a duplicate.
  const duplicateOf = await store.setRecord(
    paperId,
    paper,
    record,
    recordIdentities(record),
    missing
      ? undefined
      : {
          ...TRANSITIONS.ingested,
          actor: 'ingest',
          note: `${record.title.slice(0, 120)}${record.journal ? ` (${record.journal})` : ''}`,
        },
  );
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
  if (missing) {
    await store.transition(paperId, {
      ...TRANSITIONS.needSource,
      actor: 'ingest',
      reason: missing,
      note: missing,
    });
    return 'needs_source';
  }
  await deps.enqueue.summarize(paperId, paper.draftCount + 1, { priority: queuePriority(paper.origin) });
  return 'summarizing';
}

const hasText = (record: PaperRecord) =>
  abstractText(record).trim().length > 0 || (record.fullText ?? '').trim().length > 0;

/**
 * No text yet, but a DOI the submission did not look up (a PubMed record
 * without an abstract, a PDF with no text layer): Crossref, Europe PMC and
 * PubMed are asked for the abstract before the paper is held.
 */
async function withTextByDoi(record: PaperRecord, paper: Paper, resolvers: Resolvers): Promise<PaperRecord> {
  const doi = record.ids.doi;
  if (hasText(record) || !doi || paper.submission.kind === 'doi') return record;
  const found = await resolvers.doi(doi).catch((err: unknown) => {
    if (err instanceof PermanentError) return null;
    throw err;
  });
  if (!found || found.abstract.length === 0) return record;
  return { ...record, abstract: found.abstract, ids: { ...found.ids, ...record.ids } };
}

/**
 * A paper held for its text already has a record (from the registries or
 * the feed); the text a person then supplies (a PDF) keeps that record's
 * title, authors, journal and ids where the new one lacks them.
 */
function keepKnownMetadata(previous: PaperRecord | null, fresh: PaperRecord): PaperRecord {
  if (!previous) return fresh;
  return {
    ...fresh,
    title: previous.title,
    authors: previous.authors.length ? previous.authors : fresh.authors,
    journal: previous.journal ?? fresh.journal,
    publishedAt: previous.publishedAt ?? fresh.publishedAt,
    ids: { ...fresh.ids, ...previous.ids },
    sourceUrl: previous.sourceUrl ?? fresh.sourceUrl,
  };
}

/** Why a paper with nothing to summarize is held (it must never get a made-up summary), and what to do. */
function missingSource(record: PaperRecord, paper: Paper): string {
  const s = paper.submission;
  const what = s.kind === 'pmid' ? `PubMed record ${s.pmid}` : `"${record.title.slice(0, 80)}"`;
  const asked = [
    paper.origin.watchId ? 'the feed' : null,
    s.kind === 'pmid' ? 'PubMed' : null,
    s.kind === 'pdf' ? 'the PDF' : null,
    record.ids.doi ? `Crossref, Europe PMC and PubMed (DOI ${record.ids.doi})` : null,
  ].filter(Boolean);
  return `${what} has no abstract or text to summarize: none in ${asked.join(', ') || 'its source'}. Paste the abstract (\`laysum source ${paper.id} --text FILE\`) or upload the PDF (\`laysum source ${paper.id} --pdf FILE\`), on the desk or from the command line.`;
}
