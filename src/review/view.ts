/**
 * What a reviewer sees of a paper: source, current draft with its checks and
 * provenance, every version, the audit trail, and for a failed paper its
 * failure record. One shape for the CLI's `--json`, the HTTP API and the
 * review desk.
 */
import type { AuditEntry, Draft } from '../domain/draft.ts';
import type { FailureRecord } from '../domain/failure.ts';
import { type Paper, paperTitle } from '../domain/paper.ts';
import { findPlaceholders, type PlaceholderHit } from '../domain/placeholder.ts';
import type { Approval, Publication } from '../domain/publication.ts';
import type { PaperState } from '../domain/state.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import type { PaperStore } from '../store/papers.ts';

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
  updatedAt: string;
  createdAt: string;
  /** The ingested paper (null until ingest has run). */
  source: Paper['record'];
  /** The latest draft's summary and provenance (null before the first draft). */
  summary: Draft['summary'] | null;
  provenance: Draft['provenance'] | null;
}

export function sourceTitle(paper: Paper): string {
  return paperTitle(paper);
}

export async function paperView(store: PaperStore, id: string): Promise<PaperView> {
  const paper = await store.require(id);
  const [versions, audit] = await Promise.all([store.drafts(id), store.audit(id)]);
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
    draft,
    summary: draft?.summary ?? null,
    provenance: draft?.provenance ?? null,
    versions,
    audit,
  };
}

export async function paperRows(store: PaperStore, state?: PaperState, limit = 500): Promise<PaperRow[]> {
  const papers = await store.list(state, limit);
  return Promise.all(
    papers.map(async (p) => {
      const draft = p.draftCount > 0 ? await store.latestDraft(p.id) : null;
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
        updatedAt: p.updatedAt,
        createdAt: p.createdAt,
        source: p.record,
        summary: draft?.summary ?? null,
        provenance: draft?.provenance ?? null,
      };
    }),
  );
}

/** The review queue's order: oldest pending drafts first, then everything else, most recently changed first. */
export function reviewOrder(rows: PaperRow[]): PaperRow[] {
  const rank = (s: PaperState) => (s === 'pending_review' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      rank(a.state) - rank(b.state) || (rank(a.state) === 0 ? 0 : b.updatedAt.localeCompare(a.updatedAt)),
  );
}

/** A paper id, following a duplicate merged at ingest to the paper that stayed. */
export async function resolvePaperId(store: PaperStore, id: string, hint?: string): Promise<string> {
  if (await store.get(id)) return id;
  const into = await store.mergedInto(id);
  if (into) return into;
  throw new NotFoundError('paper', id, hint);
}
