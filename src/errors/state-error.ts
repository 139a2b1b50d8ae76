import { LaySumError } from './laysum-error.ts';

/** Verbs for audit actions, so messages read "Cannot reject ..." rather than "Cannot rejected ...". */
const VERBS: Record<string, [verb: string, done: string]> = {
  approved: ['approve', 'approved'],
  rejected: ['reject', 'rejected'],
  'changes requested': ['request changes on', 'sent back'],
  published: ['publish', 'published'],
  retried: ['retry', 'retried'],
  edited: ['edit', 'edited'],
  edit: ['edit', 'edited'],
  retry: ['retry', 'retried'],
  unpublished: ['unpublish', 'unpublished'],
  reopened: ['reopen', 'reopened'],
  claim: ['claim', 'claimed'],
  'source provided': ['supply the text of', 'given their text'],
};

/** An action that the paper's current state does not allow (e.g. approving a failed paper). */
export class StateError extends LaySumError {
  readonly current: string;
  readonly action: string;
  readonly allowed: readonly string[];
  /** `since`: who moved it there and when ("rejected by dana at 21:40"), when known. */
  constructor(action: string, paperId: string, current: string, allowed: readonly string[], since?: string) {
    const [verb, done] = VERBS[action] ?? [action, action];
    super(`Cannot ${verb} paper ${paperId}: it is ${current}${since ? ` (${since})` : ''}.`, {
      hint: allowed.length ? `Only papers that are ${allowed.join(' or ')} can be ${done}.` : undefined,
    });
    this.current = current;
    this.action = action;
    this.allowed = allowed;
  }
}
