/**
 * The paper state machine, written once: every move a paper can make, the
 * states it may make it from, the state it goes to and the audit action it
 * is recorded under. Review, ingest, summarize, intake and the failure path
 * take their moves from here, the store hands `from` to its scripts as
 * arguments (no script names a from-state of its own), and a test holds the
 * diagram in docs/lifecycle.md to this table.
 */
import { IN_FLIGHT_STATES, type PaperState } from './state.ts';

export interface Transition {
  /** The states the move is allowed from; '*' for any (withdrawing a page goes by the publication, not the state). */
  readonly from: readonly PaperState[] | '*';
  readonly to: PaperState;
  /** The audit entry's action. */
  readonly action: string;
}

export const TRANSITIONS = {
  /** A new paper (the store creates it in this state; there is no state before). */
  submit: { from: [], to: 'queued', action: 'submitted' },
  startIngest: { from: ['queued'], to: 'ingesting', action: 'ingest started' },
  ingested: { from: ['ingesting'], to: 'summarizing', action: 'ingested' },
  /** No abstract or text anywhere: a person supplies it. */
  needSource: { from: ['ingesting'], to: 'needs_source', action: 'needs source' },
  /** Pasted text: straight to the summarizer. */
  sourcePasted: { from: ['needs_source'], to: 'summarizing', action: 'source provided' },
  /** An uploaded PDF: ingest parses it first. */
  sourceUploaded: { from: ['needs_source'], to: 'queued', action: 'source provided' },
  drafted: { from: ['summarizing'], to: 'pending_review', action: 'drafted' },
  /** A reviewer's edit makes a new version; an approval is voided, a live page stays up (a correction). */
  edit: { from: ['pending_review', 'approved', 'published'], to: 'pending_review', action: 'edited' },
  approve: { from: ['pending_review'], to: 'approved', action: 'approved' },
  reject: { from: ['pending_review'], to: 'rejected', action: 'rejected' },
  requestChanges: { from: ['pending_review'], to: 'summarizing', action: 'changes requested' },
  publish: { from: ['approved'], to: 'published', action: 'published' },
  /** Any state while its page is live (a correction may be in review): the script checks the publication. */
  unpublish: { from: '*', to: 'unpublished', action: 'unpublished' },
  reopen: { from: ['rejected', 'unpublished'], to: 'pending_review', action: 'reopened' },
  /** A failed paper without a record goes back to ingest… */
  retryIngest: { from: ['failed'], to: 'queued', action: 'retried' },
  /** …one with a record back to the summarizer. */
  retrySummarize: { from: ['failed'], to: 'summarizing', action: 'retried' },
  /** A worker gave up (or the sweep found its job gone for good). */
  fail: { from: IN_FLIGHT_STATES, to: 'failed', action: 'failed' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

/** Whether a paper in `state` may make a move from `from` (the store's script decides for good, atomically). */
export function allows(from: Transition['from'], state: PaperState): boolean {
  return from === '*' || from.includes(state);
}
