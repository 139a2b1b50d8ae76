/**
 * The summarize stage: write draft version N of a paper's lay summary, run the
 * quality checks, and put the draft in the review queue. Idempotent: if
 * version N already exists (a retried or duplicated job), nothing is called
 * and nothing is written.
 */

import { runChecks } from '../checks/run-checks.ts';
import type { Draft } from '../domain/draft.ts';
import type { PaperStore } from '../store/papers.ts';
import type { Summarizer } from './types.ts';

export interface SummarizeDeps {
  store: PaperStore;
  summarizer: Summarizer;
}

export type SummarizeOutcome = 'drafted' | 'skipped';

export async function summarizePaper(
  deps: SummarizeDeps,
  paperId: string,
  version: number,
): Promise<SummarizeOutcome> {
  const { store } = deps;
  const paper = await store.require(paperId);
  if (paper.draftCount >= version || paper.state !== 'summarizing' || !paper.record) return 'skipped';
  const previous = version > 1 ? await store.latestDraft(paperId) : null;
  const reviewerNotes = version > 1 ? paper.reason : null;
  const { summary, provenance, notesForReviewer } = await deps.summarizer.summarize({
    record: paper.record,
    reviewerNotes,
    previous: previous?.summary ?? null,
  });
  const draft: Draft = {
    version,
    summary,
    provenance,
    author: provenance.provider === 'extractive' ? 'extractive' : 'ai',
    basedOn: previous?.version ?? null,
    reviewerNotes,
    notesForReviewer: notesForReviewer ?? [],
    checks: runChecks(summary, paper.record),
  };
  const written = await store.addDraft(paperId, draft, {
    expected: version - 1,
    from: ['summarizing'],
    to: 'pending_review',
    mode: 'job',
    actor: `summarizer:${provenance.provider}`,
    action: 'drafted',
    note: `version ${version} by ${provenance.provider}/${provenance.model}${provenance.repairs ? `, ${provenance.repairs} repair(s)` : ''}`,
  });
  return written ? 'drafted' : 'skipped';
}
