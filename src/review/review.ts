/**
 * Reviewer actions on a draft: approve, reject with a reason, request changes
 * with notes (the paper goes back to the summarizer), edit fields (a new
 * human version based on the one the reviewer saw), and publish. Each is one
 * atomic state change with its audit entry.
 */

import { runChecks } from '../checks/run-checks.ts';
import type { Draft } from '../domain/draft.ts';
import { LaySummary } from '../domain/summary.ts';
import { InputError } from '../errors/input-error.ts';
import { StateError } from '../errors/state-error.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import type { PaperStore } from '../store/papers.ts';

export interface ReviewDeps {
  store: PaperStore;
  enqueue: Enqueuer;
  autoPublish: boolean;
}

/** A reason or notes a decision cannot do without; the hint names the field in every interface. */
function requireText(value: string | undefined, what: string, field: 'reason' | 'notes'): string {
  const text = value?.trim();
  if (!text)
    throw new InputError(`A ${what} is required.`, {
      hint: `Fill in "${field}" (the desk form or the API body), or pass --${field} "..." on the command line.`,
    });
  return text;
}

export async function approve(deps: ReviewDeps, id: string, actor: string, note?: string): Promise<void> {
  await deps.store.transition(id, {
    from: ['pending_review'],
    to: 'approved',
    actor,
    action: 'approved',
    note: note ?? null,
  });
  if (deps.autoPublish) await publish(deps, id, 'auto-publish');
}

export async function reject(
  deps: ReviewDeps,
  id: string,
  actor: string,
  reason: string | undefined,
): Promise<void> {
  const why = requireText(reason, 'reason for rejecting', 'reason');
  await deps.store.transition(id, {
    from: ['pending_review'],
    to: 'rejected',
    actor,
    action: 'rejected',
    reason: why,
    note: why,
  });
}

/** Send a draft back: the summarizer writes the next version with the reviewer's notes in the prompt. */
export async function requestChanges(
  deps: ReviewDeps,
  id: string,
  actor: string,
  notes: string | undefined,
): Promise<number> {
  const text = requireText(notes, 'note saying what to change', 'notes');
  const paper = await deps.store.require(id);
  await deps.store.transition(id, {
    from: ['pending_review'],
    to: 'summarizing',
    actor,
    action: 'changes requested',
    reason: text,
    note: text,
  });
  const version = paper.draftCount + 1;
  await deps.enqueue.summarize(id, version);
  return version;
}

export async function publish(deps: ReviewDeps, id: string, actor: string): Promise<void> {
  await deps.store.transition(id, { from: ['approved'], to: 'published', actor, action: 'published' });
}

/** Put a failed paper back in the pipeline from the stage it failed in. */
export async function retry(deps: ReviewDeps, id: string, actor: string): Promise<string> {
  const paper = await deps.store.require(id);
  if (paper.state !== 'failed') throw new StateError('retry', id, paper.state, ['failed']);
  if (paper.record) {
    await deps.store.transition(id, {
      from: ['failed'],
      to: 'summarizing',
      actor,
      action: 'retried',
      note: paper.reason,
    });
    await deps.enqueue.summarize(id, paper.draftCount + 1);
    return 'summarizing';
  }
  await deps.store.transition(id, {
    from: ['failed'],
    to: 'queued',
    actor,
    action: 'retried',
    note: paper.reason,
  });
  await deps.enqueue.ingest(id);
  return 'queued';
}

/**
 * Save a reviewer's edit as a new version. `basedOn` is the version the
 * reviewer saw; if someone saved in between, ConflictError (never a silent overwrite).
 */
export async function editDraft(
  deps: ReviewDeps,
  id: string,
  actor: string,
  basedOn: number,
  changes: Partial<LaySummary>,
): Promise<Draft> {
  const paper = await deps.store.require(id);
  if (paper.state !== 'pending_review' && paper.state !== 'approved') {
    throw new StateError('edit', id, paper.state, ['pending_review', 'approved']);
  }
  const base = (await deps.store.drafts(id)).find((d) => d.version === basedOn);
  if (!base || !paper.record)
    throw new InputError(`Paper ${id} has no draft version ${basedOn}.`, {
      hint: 'Reload the draft and edit the latest version.',
    });
  const parsed = LaySummary.safeParse({ ...base.summary, ...changes });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InputError(`The edit is not a valid summary: ${problems}.`, {
      hint: 'Fix the fields named and save again.',
    });
  }
  const draft: Draft = {
    version: basedOn + 1,
    summary: parsed.data,
    provenance: {
      ...base.provenance,
      createdAt: new Date().toISOString(),
    },
    author: actor,
    basedOn,
    reviewerNotes: null,
    notesForReviewer: base.notesForReviewer,
    checks: runChecks(parsed.data, paper.record),
  };
  await deps.store.addDraft(id, draft, {
    expected: basedOn,
    from: '*',
    to: null,
    actor,
    action: 'edited',
    note: describeEdit(base.summary, parsed.data, basedOn),
  });
  return draft;
}

/** The audit note for an edit: each changed field, before and after (shortened). */
function describeEdit(before: LaySummary, after: LaySummary, basedOn: number): string {
  const show = (v: unknown) => {
    const text = typeof v === 'string' ? v : Array.isArray(v) ? v.join('; ') : JSON.stringify(v);
    return text.length > 140 ? `${text.slice(0, 139)}…` : text;
  };
  const fields = (Object.keys(after) as (keyof LaySummary)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (fields.length === 0) return `saved version ${basedOn} again without changes`;
  return fields.map((k) => `${k}: "${show(before[k])}" → "${show(after[k])}"`).join('\n');
}
