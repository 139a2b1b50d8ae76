import { LaySumError } from './laysum-error.ts';

/**
 * A failure after the paper was queued that retrying cannot fix: a PMID
 * PubMed does not have, a DOI neither Crossref nor Europe PMC knows, a
 * scanned PDF, a source refusing the request (4xx), nothing to summarize.
 * The queue fails the paper at once with this message (src/queue/failure.ts).
 * Input refused before anything is queued is an InputError instead.
 */
export class PermanentError extends LaySumError {}
