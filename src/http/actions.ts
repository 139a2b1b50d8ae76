/**
 * Reviewer decisions and edits, shared by the API and the desk: the same
 * permission, the same stage function (../review/review.ts), the same audit entry.
 */
import type { LaySummary } from '../domain/summary.ts';
import { InputError } from '../errors/input-error.ts';
import {
  approve,
  editDraft,
  publish,
  type ReviewDeps,
  reject,
  requestChanges,
  retry,
} from '../review/review.ts';
import type { Permission } from '../users/roles.ts';
import type { AppDeps } from './env.ts';

export const ACTIONS = ['approve', 'reject', 'request-changes', 'publish', 'retry'] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_PERMISSION: Record<Action, Permission> = {
  approve: 'review',
  reject: 'review',
  'request-changes': 'review',
  publish: 'publish',
  retry: 'review',
};

/** The free-text field each action takes (a reason is required to reject, notes to request changes). */
export const ACTION_TEXT: Record<Action, 'note' | 'reason' | 'notes' | null> = {
  approve: 'note',
  reject: 'reason',
  'request-changes': 'notes',
  publish: null,
  retry: null,
};

export function reviewDeps(deps: AppDeps): ReviewDeps {
  return { store: deps.store, enqueue: deps.enqueue, autoPublish: deps.config.http.autoPublish };
}

const REQUIRED_TEXT: Partial<Record<Action, string>> = {
  reject: 'A reason is required to reject a draft.',
  'request-changes': 'Notes saying what to change are required to request changes.',
};

export async function runAction(
  deps: AppDeps,
  action: Action,
  id: string,
  actor: string,
  text: string | undefined,
): Promise<void> {
  const missing = REQUIRED_TEXT[action];
  if (missing && !text?.trim())
    throw new InputError(missing, { hint: `Fill in the "${ACTION_TEXT[action]}" field and send it again.` });
  const r = reviewDeps(deps);
  switch (action) {
    case 'approve':
      return approve(r, id, actor, text?.trim() ? text.trim() : undefined);
    case 'reject':
      return reject(r, id, actor, text);
    case 'request-changes':
      await requestChanges(r, id, actor, text);
      return;
    case 'publish':
      return publish(r, id, actor);
    case 'retry':
      await retry(r, id, actor);
      return;
  }
}

export function saveEdit(
  deps: AppDeps,
  id: string,
  actor: string,
  basedOn: number,
  changes: Partial<LaySummary>,
) {
  return editDraft(reviewDeps(deps), id, actor, basedOn, changes);
}
