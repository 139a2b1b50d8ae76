/** What every summarizer (LLM or offline extractive) takes and returns. */
import type { Provenance } from '../domain/draft.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';

export interface SummarizeInput {
  record: PaperRecord;
  /** Notes from a reviewer who sent the previous draft back. */
  reviewerNotes: string | null;
  /** The draft the notes refer to. */
  previous: LaySummary | null;
}

export interface SummarizeOutput {
  summary: LaySummary;
  provenance: Provenance;
  /** Notes for the reviewer, shown on the desk and never published. */
  notesForReviewer?: string[];
}

export interface Summarizer {
  readonly provider: Provenance['provider'];
  summarize(input: SummarizeInput): Promise<SummarizeOutput>;
}
