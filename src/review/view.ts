/**
 * What a reviewer sees of a paper: source, current draft with its checks and
 * provenance, every version, the audit trail, and for a failed paper its
 * failure record. One shape for the CLI's `--json`, the HTTP API and the
 * review desk.
 */
import { withLinks } from '../checks/links.ts';
import type { AuditEntry, Draft } from '../domain/draft.ts';
import type { FailureRecord } from '../domain/failure.ts';
import type { SourceSentences } from '../domain/links.ts';
import { type Paper, paperTitle } from '../domain/paper.ts';
import { findPlaceholders, type PlaceholderHit } from '../domain/placeholder.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { Approval, Publication } from '../domain/publication.ts';
import type { PaperState } from '../domain/state.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { RecordLostError } from '../errors/record-lost-error.ts';
import { readingGrade } from '../store/index-entry.ts';
import { type PaperTraces, paperTraces } from '../store/traces.ts';
import { splitSource } from '../text/source-sentences.ts';

export interface PaperView {
  id: string;
  state: PaperState;
  reason: string | null;
  /** Why the queue gave up, and what the model returned; null unless the paper is failed. */
  failure: FailureRecord | null;
  /** The version a reviewer approved (null when none is, or a later edit voided it). */
  approval: Approval | null;
  /** What the public sees: the live (or withdrawn) version, its URL and dates. */
  publication: Publication | null;
  /** Text LaySum marked as a placeholder in the current draft: it must be written before approval. */
  placeholders: PlaceholderHit[];
  createdAt: string;
  updatedAt: string;
  submission: Paper['submission'];
  origin: Paper['origin'];
  source: Paper['record'];
  /** The source as numbered sentences: what each draft sentence's `links` name (null before ingest). */
  sourceSentences: SourceSentences | null;
  draft: Draft | null;
  summary: Draft['summary'] | null;
  provenance: Draft['provenance'] | null;
  versions: Draft[];
  audit: AuditEntry[];
}

/** A short listing row. */
export interface PaperRow {
  id: string;
  state: PaperState;
  title: string;
  headline: string | null;
  journal: string | null;
  provider: string | null;
  model: string | null;
  topics: string[];
  reason: string | null;
  /** The latest draft's version (null before the first draft): what a bulk decision is pinned to. */
  version: number | null;
  updatedAt: string;
  createdAt: string;
  /** Who submitted it ('web:dana', 'watch:ID', ...). */
  submitter: string;
  /** The latest draft's worst check result (null before the first draft). */
  checkResult: 'pass' | 'warn' | 'fail' | null;
  /** The latest draft's credibility rating, 1-5. */
  credibility: number | null;
  /** The latest draft's Flesch-Kincaid reading grade. */
  grade: number | null;
  /** The ingested paper (null until ingest has run). */
  source: Paper['record'];
  /** The latest draft's summary and provenance (null before the first draft). */
  summary: Draft['summary'] | null;
  provenance: Draft['provenance'] | null;
}

export function sourceTitle(paper: Paper): string {
  return paperTitle(paper);
}

export async function paperView(store: Papers, id: string): Promise<PaperView> {
  const paper = await store.require(id);
  const [stored, audit] = await Promise.all([store.drafts(id), store.audit(id)]);
  const sourceSentences = paper.record ? splitSource(paper.record) : null;
  // Drafts stored before links existed (or with another splitter) get them computed here.
  const versions = stored.map((d) => withLinks(d, paper.record, sourceSentences ?? undefined));
  const draft = versions.at(-1) ?? null;
  const submission =
    paper.submission.kind === 'record'
      ? { kind: 'record' as const, record: paper.submission.record }
      : paper.submission;
  return {
    id,
    state: paper.state,
    reason: paper.reason,
    failure: paper.failure,
    approval: paper.approval,
    publication: paper.publication,
    placeholders: draft ? findPlaceholders(draft.summary) : [],
    createdAt: paper.createdAt,
    updatedAt: paper.updatedAt,
    submission,
    origin: paper.origin,
    source: paper.record,
    sourceSentences,
    draft,
    summary: draft?.summary ?? null,
    provenance: draft?.provenance ?? null,
    versions,
    audit,
  };
}

/** One listing row: the paper and its latest draft. */
export async function paperRow(store: Papers, p: Paper): Promise<PaperRow> {
  const draft = p.draftCount > 0 ? await store.latestDraft(p.id) : null;
  const worst = draft?.checks.some((c) => c.status === 'fail')
    ? 'fail'
    : draft?.checks.some((c) => c.status === 'warn')
      ? 'warn'
      : draft
        ? 'pass'
        : null;
  return {
    id: p.id,
    state: p.state,
    title: sourceTitle(p),
    headline: draft?.summary.headline ?? null,
    journal: p.record?.journal ?? null,
    provider: draft?.provenance.provider ?? null,
    model: draft?.provenance.model ?? null,
    topics: draft?.summary.topics ?? [],
    reason: p.reason,
    version: draft?.version ?? null,
    updatedAt: p.updatedAt,
    createdAt: p.createdAt,
    submitter: p.origin.actor,
    checkResult: worst,
    credibility: draft?.summary.ratings.credibility.score ?? null,
    grade: draft ? readingGrade(draft) : null,
    source: p.record,
    summary: draft?.summary ?? null,
    provenance: draft?.provenance ?? null,
  };
}

/** Rows for these ids, in their order (ids of papers gone meanwhile are skipped). */
export async function rowsFor(store: Papers, ids: readonly string[]): Promise<PaperRow[]> {
  const papers = await Promise.all(ids.map((id) => store.get(id)));
  return Promise.all(papers.filter((p): p is Paper => p !== null).map((p) => paperRow(store, p)));
}

/**
 * A paper id, following a duplicate merged at ingest to the paper that stayed.
 * A paper whose record is gone but which an index or the audit still names is
 * reported as lost (RecordLostError), not as unknown.
 */
export async function resolvePaperId(store: Papers, id: string, hint?: string): Promise<string> {
  if (await store.get(id)) return id;
  const into = await store.mergedInto(id);
  if (into) return into;
  const traces = await paperTraces(store, id);
  if (traces) throw new RecordLostError(id, describeTraces(traces));
  throw new NotFoundError('paper', id, hint);
}

function describeTraces(t: PaperTraces): string {
  const parts: string[] = [];
  if (t.states.length) parts.push(`listed as ${t.states.join(', ')}`);
  const last = t.audit.at(-1);
  if (last)
    parts.push(
      `${t.audit.length} audit entr${t.audit.length === 1 ? 'y' : 'ies'}, the last "${last.action}" by ${last.actor} at ${last.at}`,
    );
  return parts.join('; ') || 'in the paper index';
}
