/**
 * LaySum glossary: the words the code and the docs use, defined once.
 *
 * - paper: one research article LaySum knows about, identified by its DOI, else
 *   its PMID, else a hash of its text. A paper is never stored twice.
 * - source: where a paper came from: pasted text, a PMID, a DOI, a PDF, a batch
 *   file line, or a watch (a scheduled PubMed query or journal feed).
 * - submission: what an editor or a watch handed in, before ingest fetched and
 *   normalized it (e.g. just `{ kind: 'pmid', pmid: '30158200' }`).
 * - ingest: turning a submission into a normalized paper record (title,
 *   journal, date, identifiers, abstract sections, full text where there is one).
 * - summary: the structured lay summary (headline, takeaway, findings, audience,
 *   caveats, topics, ratings); one zod schema, see ./summary.ts.
 * - draft: one version of a paper's summary with its provenance (who or what
 *   wrote it: an LLM, the offline extractive provider, or a human edit).
 * - placeholder: marked text LaySum writes where it cannot fill a field; never
 *   published, and a draft holding one cannot be approved (./placeholder.ts).
 * - source sentence: one numbered sentence of the paper's title, abstract or
 *   full text, as the deterministic splitter cuts them (./links.ts).
 * - sentence link: a draft sentence and the source sentences that support it
 *   (best first), with how it was made; a sentence no source sentence
 *   supports is marked unsupported. Stored on each draft version.
 * - verdict: the LLM verifier's label for one draft sentence (supported,
 *   overgeneralised, not in the source, contradicts) with the source sentences
 *   it compared; only with LLM_VERIFY=true (./verification.ts).
 * - check: an automatic quality check run on a draft (reading level, numbers
 *   that do not appear in the source, ...). Checks advise reviewers; they never
 *   block a draft on their own.
 * - review: a human decision on a draft: approve, reject with a reason, or
 *   request changes with notes (the paper goes back to the summarizer).
 * - claim: a reviewer's "I am on this one" on a paper, made by opening its draft
 *   on the desk; it lasts CLAIM_TTL_MS and then lapses by itself. Others see
 *   who and since when, and can take it over (audited), see ./claim.ts.
 * - approval: a reviewer's yes to one exact draft version; any later edit voids it.
 * - publication: the approved version live as a page, feed entry and files;
 *   it keeps its URL through corrections and can be withdrawn (./publication.ts).
 * - state: where a paper is in the pipeline, see ./state.ts.
 * - audit entry: an append-only record of who did what, when, to which paper.
 * - failure record: why the queue gave up on a failed paper (stage, reason,
 *   and for the summarizer what the model returned), see ./failure.ts.
 */
export * from './claim.ts';
export * from './draft.ts';
export * from './failure.ts';
export * from './ids.ts';
export * from './links.ts';
export * from './paper.ts';
export * from './placeholder.ts';
export * from './publication.ts';
export * from './state.ts';
export * from './submission.ts';
export * from './summary.ts';
export * from './verification.ts';
