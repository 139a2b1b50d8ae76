/**
 * Papers: what was submitted (Submission), what ingest made of it
 * (PaperRecord), and the stored paper with its state (Paper).
 */
import { z } from 'zod';
import { FailureRecord } from './failure.ts';
import { DOI_PATTERN, PMID_PATTERN } from './ids.ts';
import { Approval, Publication } from './publication.ts';
import { PaperState } from './state.ts';

/** Who or what handed a paper in. */
export const Origin = z.object({
  actor: z.string().min(1), // 'cli:NAME', 'api:NAME', 'watch:ID', 'demo'
  watchId: z.string().optional(),
  batch: z.string().optional(), // batch file name, for the tally
  /** The entry's place in its batch (0 first): later entries wait behind other people's papers. */
  batchIndex: z.number().int().nonnegative().optional(),
});
export type Origin = z.infer<typeof Origin>;

/** BullMQ's largest priority (2^21 - 1). */
const LOWEST_PRIORITY = 2_097_151;

/**
 * A paper's place in the ingest and summarize queues (1 first; equal
 * priorities keep their order): a single submission gets 1, the n-th entry
 * of a batch n, so batches from several people interleave and one person's
 * paper waits behind at most a few jobs of anyone's batch, never the whole of it.
 */
export function queuePriority(origin: Pick<Origin, 'batchIndex'>): number {
  return Math.min(LOWEST_PRIORITY, 1 + (origin.batchIndex ?? 0));
}

/**
 * The person who submitted a paper, from its origin's actor: `web:dana`,
 * `api:dana`, `cli:dana` and a bare `dana` (`submit --as dana`) are dana;
 * watches, the demo and an anonymous `cli` have no submitter.
 */
export function submitterOf(actor: string): string | null {
  const person = /^(?:web|api|cli):(.+)$/.exec(actor)?.[1];
  if (person) return person;
  return /^(?:watch:|demo$|cli$)/.test(actor) || actor.includes(':') ? null : actor;
}

export const TextSubmission = z.object({
  kind: z.literal('text'),
  text: z.string().min(1),
  title: z.string().optional(),
  journal: z.string().optional(),
  doi: z.string().optional(),
  pmid: z.string().optional(),
});
export const PmidSubmission = z.object({ kind: z.literal('pmid'), pmid: z.string().regex(PMID_PATTERN) });
export const DoiSubmission = z.object({
  kind: z.literal('doi'),
  doi: z.string().regex(DOI_PATTERN),
  /** What the submitter already knew (a feed item's title and abstract), used where the registries know less. */
  fallback: z.lazy(() => PaperRecord).optional(),
});
export const PdfSubmission = z.object({
  kind: z.literal('pdf'),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(), // the PDF itself is stored as a blob beside the paper
});
/** A paper a watch found already fetched (PubMed query results, feed items). */
export const RecordSubmission = z.object({ kind: z.literal('record'), record: z.lazy(() => PaperRecord) });

export const Submission = z.discriminatedUnion('kind', [
  TextSubmission,
  PmidSubmission,
  DoiSubmission,
  PdfSubmission,
  RecordSubmission,
]);
export type Submission = z.infer<typeof Submission>;

export const AbstractSection = z.object({
  label: z.string().nullable(), // 'RESULTS', or null for an unlabelled abstract
  category: z.string().nullable(), // NLM category when PubMed gives one
  text: z.string(),
});
export type AbstractSection = z.infer<typeof AbstractSection>;

export const Identifiers = z.object({
  doi: z.string().optional(), // normalized: lower case, no resolver prefix
  pmid: z.string().optional(),
  pmcid: z.string().optional(),
});
export type Identifiers = z.infer<typeof Identifiers>;

/** The normalized paper every source produces. */
export const PaperRecord = z.object({
  title: z.string().min(1),
  authors: z.array(z.string()).default([]),
  journal: z.string().nullable().default(null),
  publishedAt: z.string().nullable().default(null), // ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
  ids: Identifiers.default({}),
  publicationTypes: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]), // MeSH headings and author keywords
  abstract: z.array(AbstractSection).default([]),
  fullText: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  sourceUrl: z.string().nullable().default(null),
});
export type PaperRecord = z.infer<typeof PaperRecord>;
export type PaperRecordInput = z.input<typeof PaperRecord>;

export const Paper = z.object({
  id: z.string(),
  state: PaperState,
  /** Why the paper is in its state: failure reason, reviewer's reason or notes. */
  reason: z.string().nullable(),
  submission: Submission,
  origin: Origin,
  record: PaperRecord.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  draftCount: z.number().int().nonnegative(),
  /** Set while the paper is failed: what gave up, why, and what the model returned. */
  failure: FailureRecord.nullable().default(null),
  /** The version a reviewer approved; any later edit clears it. */
  approval: Approval.nullable().default(null),
  /** What the public sees of this paper (kept while a correction is reviewed, marked when withdrawn). */
  publication: Publication.nullable().default(null),
});
export type Paper = z.infer<typeof Paper>;

/** The abstract as plain text, one `LABEL: text` line per section. */
export function abstractText(record: Pick<PaperRecord, 'abstract'>): string {
  return record.abstract.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text)).join('\n');
}

/** A record's text as the summarizer gets it, in UTF-8 bytes: what MAX_TEXT_BYTES bounds. */
export function recordBytes(record: Pick<PaperRecord, 'title' | 'abstract' | 'fullText'>): number {
  const bytes = (t: string) => Buffer.byteLength(t, 'utf8');
  return bytes(record.title) + bytes(abstractText(record)) + bytes(record.fullText ?? '');
}

/** What to call a paper before and after ingest: its title, else what was submitted (PMID, DOI, file name). */
export function paperTitle(paper: Pick<Paper, 'record' | 'submission'>): string {
  if (paper.record) return paper.record.title;
  const s = paper.submission;
  switch (s.kind) {
    case 'pmid':
      return `PMID ${s.pmid}`;
    case 'doi':
      return `DOI ${s.doi}`;
    case 'pdf':
      return s.fileName;
    case 'text':
      return s.title ?? s.text.slice(0, 80);
    case 'record':
      return s.record.title;
  }
}

/**
 * The longest title LaySum keeps. Real titles stay well under 500 characters;
 * a title a person types over this is refused (src/sources/text.ts), one from
 * a source (PubMed, Crossref, a feed, a PDF) is cut here with "…", so a
 * runaway field never fills a prompt.
 */
export const MAX_TITLE_CHARS = 1000;

export function capTitle(title: string): string {
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1).trimEnd()}…` : title;
}
