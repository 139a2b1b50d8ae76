/**
 * Reviewer actions as one use case shared by the API, the desk and the CLI:
 * the same validation, the same function, the same audit entry. Decisions on
 * a draft carry the version they were based on. Who may run which action is
 * the HTTP layer's business (ACTION_PERMISSION names the permission each needs).
 */
import type { LaySummary } from '../domain/summary.ts';
import { InputError } from '../errors/input-error.ts';
import { approve, reject, reopen, requestChanges, retry } from './decisions.ts';
import type { ReviewDeps } from './deps.ts';
import { editDraft } from './edit.ts';
import { publish, unpublish } from './publishing.ts';

export { type ReviewDeps, reviewDeps } from './deps.ts';

export const ACTIONS = [
  'approve',
  'reject',
  'request-changes',
  'publish',
  'unpublish',
  'reopen',
  'retry',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The free-text field each action takes (a reason is required to reject and to unpublish, notes to request changes). */
export const ACTION_TEXT: Record<Action, 'note' | 'reason' | 'notes' | null> = {
  approve: 'note',
  reject: 'reason',
  'request-changes': 'notes',
  publish: null,
  unpublish: 'reason',
  reopen: 'note',
  retry: null,
};

/** Actions that decide on a draft version, and so must say which one. */
export const VERSIONED: ReadonlySet<Action> = new Set(['approve', 'reject', 'request-changes', 'publish']);

/** The decisions that end a review (and with it the reviewer's claim); bulk decisions are these. */
export const DECISIONS: ReadonlySet<Action> = new Set(['approve', 'reject', 'request-changes']);

export interface ActionInput {
  /** The draft version the person saw (for publish: the approved version). */
  basedOn?: number | undefined;
  text?: string | undefined;
}

function requireVersion(action: Action, basedOn: number | undefined): number {
  if (basedOn === undefined || !Number.isInteger(basedOn) || basedOn < 1) {
    throw new InputError(`Say which draft version you want to ${action.replace('-', ' ')}.`, {
      hint: 'Send "basedOn": the version you read (the desk and `laysum review` send it for you).',
    });
  }
  return basedOn;
}

export async function runAction(
  deps: ReviewDeps,
  action: Action,
  id: string,
  actor: string,
  input: ActionInput,
): Promise<void> {
  const basedOn = VERSIONED.has(action) ? requireVersion(action, input.basedOn) : 0;
  await decideOn(deps, action, id, actor, basedOn, input.text);
  // A decision on a draft ends the decider's claim on it (someone else's claim is left alone).
  if (DECISIONS.has(action)) await deps.claims.release(id, actor);
}

async function decideOn(
  deps: ReviewDeps,
  action: Action,
  id: string,
  actor: string,
  basedOn: number,
  text: string | undefined,
): Promise<void> {
  switch (action) {
    case 'approve':
      return approve(deps, id, actor, { basedOn, note: text });
    case 'reject':
      return reject(deps, id, actor, { basedOn, reason: text });
    case 'request-changes':
      await requestChanges(deps, id, actor, { basedOn, notes: text });
      return;
    case 'publish':
      await publish(deps, id, actor, { basedOn });
      return;
    case 'unpublish':
      return unpublish(deps, id, actor, { reason: text });
    case 'reopen':
      return reopen(deps, id, actor, text);
    case 'retry':
      await retry(deps, id, actor);
      return;
  }
}

export function saveEdit(
  deps: ReviewDeps,
  id: string,
  actor: string,
  basedOn: number,
  changes: Partial<LaySummary>,
) {
  return editDraft(deps, id, actor, basedOn, changes);
}
