/**
 * Bulk decisions from the queue: approve, reject (one reason for all) or
 * request changes on several papers at once. Each paper goes through the same
 * use case as a single decision (runAction: pinned to the version the
 * reviewer saw in the row, one audit entry per paper), so a paper someone
 * changed since is refused with who changed what, and the others go ahead.
 * A paper another reviewer has claimed is left to them. Approving in bulk
 * skips a draft with a failing check: it is approved on its own page, once
 * someone has read what failed. Publishing in bulk puts approved versions live.
 */
import { ClaimedError } from '../errors/claimed-error.ts';
import { InputError } from '../errors/input-error.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { type Action, DECISIONS, runAction } from './actions.ts';
import { heldByOther } from './claims.ts';
import type { ReviewDeps } from './deps.ts';

export const BULK_ACTIONS = ['approve', 'reject', 'request-changes', 'publish'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Most papers one bulk decision takes (a page of the queue). */
export const BULK_MAX = 200;

export interface BulkItem {
  id: string;
  /** The version shown in the queue row. */
  basedOn: number;
}

export interface BulkOutcome {
  id: string;
  basedOn: number;
  done: boolean;
  /** Why it was refused (stale version, wrong state, claimed by someone else...). */
  error: string | null;
  hint: string | null;
}

export function isBulkAction(value: unknown): value is BulkAction {
  return typeof value === 'string' && (BULK_ACTIONS as readonly string[]).includes(value);
}

function checkBatch(action: Action, items: readonly BulkItem[]): void {
  if (!DECISIONS.has(action) && action !== 'publish')
    throw new InputError(`"${action}" cannot be done in bulk.`);
  if (items.length === 0)
    throw new InputError('No papers were selected.', {
      hint: 'Tick the papers in the queue (or send "items": [{"id", "basedOn"}]), then choose the decision.',
    });
  if (items.length > BULK_MAX)
    throw new InputError(`At most ${BULK_MAX} papers can be decided at once (got ${items.length}).`, {
      hint: 'Decide them a page at a time.',
    });
}

/** A failing check must be read before approving: not in bulk (a stale version is left to runAction to explain). */
async function refuseFailingChecks(deps: ReviewDeps, id: string, basedOn: number): Promise<void> {
  const draft = await deps.store.latestDraft(id);
  const failing = draft?.version === basedOn ? draft.checks.filter((c) => c.status === 'fail') : [];
  if (failing.length)
    throw new InputError(
      `Version ${basedOn} has failing checks (${failing.map((c) => c.label).join(', ')}): not approved in bulk.`,
      { hint: 'Open it, read what failed, and approve it on its own page if it is right.' },
    );
}

/**
 * Decide each paper in turn; a refusal is reported for that paper and never
 * stops the rest. Errors that are not LaySum's (Redis down) still throw.
 */
export async function runBulk(
  deps: ReviewDeps,
  action: BulkAction,
  items: readonly BulkItem[],
  actor: string,
  text: string | undefined,
): Promise<BulkOutcome[]> {
  checkBatch(action, items);
  const outcomes: BulkOutcome[] = [];
  for (const { id, basedOn } of items) {
    try {
      const claim = await heldByOther(deps, id, actor);
      if (claim)
        throw new ClaimedError(
          id,
          claim.by,
          claim.since,
          'Left to them: open it to take it over if you must.',
        );
      if (action === 'approve') await refuseFailingChecks(deps, id, basedOn);
      await runAction(deps, action, id, actor, { basedOn, text: action === 'publish' ? undefined : text });
      outcomes.push({ id, basedOn, done: true, error: null, hint: null });
    } catch (err) {
      if (!(err instanceof LaySumError)) throw err;
      outcomes.push({ id, basedOn, done: false, error: err.message, hint: err.hint ?? null });
    }
  }
  return outcomes;
}
