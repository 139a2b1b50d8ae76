/**
 * Reviewer decisions and edits as one use case shared by the API, the desk
 * and the CLI: the same validation, the same function in ./review.ts, the
 * same audit entry. Who may run which action is the HTTP layer's business
 * (ACTION_PERMISSION names the permission each needs).
 */
import type { Config } from '../config/env.ts';
import type { LaySummary } from '../domain/summary.ts';
import { approve, editDraft, publish, type ReviewDeps, reject, requestChanges, retry } from './review.ts';

export const ACTIONS = ['approve', 'reject', 'request-changes', 'publish', 'retry'] as const;
export type Action = (typeof ACTIONS)[number];

/** The free-text field each action takes (a reason is required to reject, notes to request changes). */
export const ACTION_TEXT: Record<Action, 'note' | 'reason' | 'notes' | null> = {
  approve: 'note',
  reject: 'reason',
  'request-changes': 'notes',
  publish: null,
  retry: null,
};

/** The review use cases' dependencies from anything that holds a store, an enqueuer and the config. */
export function reviewDeps(deps: Pick<ReviewSource, 'store' | 'enqueue' | 'config'>): ReviewDeps {
  return { store: deps.store, enqueue: deps.enqueue, autoPublish: deps.config.http.autoPublish };
}

interface ReviewSource {
  store: ReviewDeps['store'];
  enqueue: ReviewDeps['enqueue'];
  config: Config;
}

export async function runAction(
  deps: ReviewDeps,
  action: Action,
  id: string,
  actor: string,
  text: string | undefined,
): Promise<void> {
  const r = deps;
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
  deps: ReviewDeps,
  id: string,
  actor: string,
  basedOn: number,
  changes: Partial<LaySummary>,
) {
  return editDraft(deps, id, actor, basedOn, changes);
}
