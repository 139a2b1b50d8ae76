/** Paper states and the transitions the pipeline and reviewers may make. */
import { z } from 'zod';

export const PaperState = z.enum([
  'queued', // accepted, waiting for ingest
  'ingesting', // fetching / parsing the source
  'needs_source', // no abstract or text anywhere (feed, Crossref, Europe PMC, PubMed): a person pastes it or uploads the PDF
  'summarizing', // waiting for or talking to the summarizer
  'pending_review', // a draft waits for a human
  'approved',
  'rejected',
  'published', // the approved version is live
  'unpublished', // an editor withdrew the page (it answers 410); reopen to review it again
  'failed', // stopped with a reason a person can act on
]);
export type PaperState = z.infer<typeof PaperState>;

/** Where a paper waits for a person to supply its text; `laysum source` (or the desk) moves it on. */
export const SOURCE_WANTED_STATES: readonly PaperState[] = ['needs_source'];

/** States in which a worker still owes the paper some work. */
export const IN_FLIGHT_STATES: readonly PaperState[] = ['queued', 'ingesting', 'summarizing'];

/** Human-readable one-liners for `laysum status`. */
export const STATE_DESCRIPTIONS: Record<PaperState, string> = {
  queued: 'queued: waiting for a worker to ingest it',
  ingesting: 'ingesting: fetching and parsing the source',
  needs_source:
    'needs_source: no abstract or text was found to summarize (`laysum source ID --text FILE` or `--pdf FILE` supplies it)',
  summarizing: 'summarizing: waiting for or talking to the summarizer',
  pending_review: 'pending_review: a draft is waiting for a reviewer',
  approved: 'approved: ready to publish',
  rejected: 'rejected by a reviewer',
  published: 'published: the approved version is live',
  unpublished: 'unpublished: the page was withdrawn (`laysum review reopen ID` puts it back in review)',
  failed: 'failed',
};
