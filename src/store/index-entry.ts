/**
 * What the review queue's index knows of a paper, computed from its record
 * and latest draft alone: its search tokens, filter values and sort scores.
 * Pure, so the Redis index (./search-index.ts) and the PostgreSQL one
 * (./pg/search-index.ts) index a paper under exactly the same things.
 */
import type { Draft } from '../domain/draft.ts';
import type { Paper } from '../domain/paper.ts';
import type { CheckFilter } from '../domain/ports/search-index.ts';
import { readingFigures } from '../text/readability.ts';
import { searchTokens } from '../text/search-tokens.ts';

/** What of a paper its index entry is made from (the rest comes from its draft). */
export type IndexedPaper = Pick<Paper, 'id' | 'submission' | 'record' | 'origin'>;

/** A paper's index entry; the draft's parts are null (sorts: 0) while it has no draft. */
export interface IndexEntry {
  /** Search tokens (../text/search-tokens.ts) of its id, title, journal, PMID, DOI, headline and topics. */
  tokens: string[];
  submitter: string;
  /** Topics as the filters compare them (facetValue), each once. */
  topics: string[];
  check: CheckFilter;
  provider: string | null;
  model: string | null;
  /** Sort scores: reading grade, fails * 100 + warns, credibility (0 without a draft). */
  grade: number;
  checks: number;
  credibility: number;
}

/** A topic as the filters compare it: case and spacing do not make a new topic. */
export const facetValue = (v: string) => v.trim().replace(/\s+/g, ' ').toLowerCase();

function worstCheck(draft: Draft): 'pass' | 'warn' | 'fail' {
  if (draft.checks.some((c) => c.status === 'fail')) return 'fail';
  return draft.checks.some((c) => c.status === 'warn') ? 'warn' : 'pass';
}

function prose(draft: Draft): string {
  const s = draft.summary;
  return [s.headline, s.takeaway, s.findings, s.audience, ...s.caveats].join('\n');
}

/** The Flesch-Kincaid grade of a draft's prose, one decimal, never below 0 (the queue's Grade). */
export function readingGrade(draft: Draft): number {
  return Math.max(0, Math.round(readingFigures(prose(draft)).grade * 10) / 10);
}

function searchText(paper: IndexedPaper, draft: Draft | null): string {
  const sub = paper.submission;
  const record = paper.record ?? (sub.kind === 'record' ? sub.record : null);
  return [
    paper.id,
    record?.title ?? (sub.kind === 'text' ? (sub.title ?? '') : ''),
    record?.journal ?? '',
    record?.ids.pmid ?? '',
    record?.ids.doi ?? '',
    sub.kind === 'pmid' ? sub.pmid : '',
    sub.kind === 'doi' ? sub.doi : '',
    sub.kind === 'text' ? `${sub.doi ?? ''} ${sub.pmid ?? ''} ${sub.journal ?? ''}` : '',
    draft ? `${draft.summary.headline} ${draft.summary.topics.join(' ')}` : '',
  ].join(' ');
}

/** Everything a paper is indexed under, from its current record and latest draft. */
export function indexEntry(paper: IndexedPaper, draft: Draft | null): IndexEntry {
  const entry: IndexEntry = {
    tokens: searchTokens(searchText(paper, draft)),
    submitter: paper.origin.actor,
    topics: [],
    check: 'none',
    provider: null,
    model: null,
    grade: 0,
    checks: 0,
    credibility: 0,
  };
  if (!draft) return entry;
  const fails = draft.checks.filter((c) => c.status === 'fail').length;
  const warns = draft.checks.filter((c) => c.status === 'warn').length;
  return {
    ...entry,
    topics: [...new Set(draft.summary.topics.map(facetValue))],
    check: worstCheck(draft),
    provider: draft.provenance.provider,
    model: draft.provenance.model,
    grade: readingGrade(draft),
    checks: fails * 100 + warns,
    credibility: draft.summary.ratings.credibility.score,
  };
}
