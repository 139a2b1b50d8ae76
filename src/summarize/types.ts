/** What every summarizer (LLM or offline extractive) takes and returns. */
import type { SiteProfile } from '../config/env.ts';
import type { Provenance } from '../domain/draft.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';
import type { ClaimedSources } from '../text/model-links.ts';
import type { FirstCall, Simplifier } from './simplify.ts';
import type { Verifier } from './verify.ts';

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
  /** The LLM's own account of the source sentences behind each sentence it wrote (checked before use). */
  sentenceSources?: ClaimedSources[];
  /** Notes for the reviewer, shown on the desk and never published. */
  notesForReviewer?: string[];
  /** The LLM call's rendered messages: the simplify pass follows on in the same conversation. */
  firstCall?: FirstCall;
}

export interface Summarizer {
  readonly provider: Provenance['provider'];
  /** The site this summarizer writes for: its reading target and focus drive the checks. */
  readonly profile?: SiteProfile;
  /** One rewrite of a draft above the reading target (LLM summarizers with a simplify prompt). */
  readonly simplify?: Simplifier;
  /** The LLM verifier of a draft's sentences (LLM_VERIFY=true). */
  readonly verify?: Verifier;
  summarize(input: SummarizeInput): Promise<SummarizeOutput>;
}
