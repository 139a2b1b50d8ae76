/**
 * A reviewer's decisions on one exact draft version: approve (refused while a
 * field still holds a placeholder), reject with a reason, request changes
 * with notes (the summarizer writes the next version), reopen a rejected or
 * withdrawn paper, retry a failed one. Each is one atomic store script with
 * its audit entry; a decision on a stale version is refused with who changed what.
 */
import { findPlaceholders } from '../domain/placeholder.ts';
import type { Approval } from '../domain/publication.ts';
import { allows, TRANSITIONS } from '../domain/transitions.ts';
import { InputError } from '../errors/input-error.ts';
import { StateError } from '../errors/state-error.ts';
import { explainRefusal } from './conflicts.ts';
import { type ReviewDeps, requireText } from './deps.ts';
import { publish } from './publishing.ts';

export interface Decision {
  /** The draft version the person looked at when deciding. */
  basedOn: number;
  note?: string | undefined;
}

export async function approve(deps: ReviewDeps, id: string, actor: string, d: Decision): Promise<void> {
  const drafts = await deps.store.drafts(id);
  const draft = drafts.at(-1);
  // A stale version is refused by the store below, with who changed it; placeholders concern the latest.
  const holes = draft && draft.version === d.basedOn ? findPlaceholders(draft.summary) : [];
  if (holes.length > 0) {
    throw new InputError(
      `Version ${d.basedOn} of paper ${id} still has text LaySum marked as a placeholder, in: ${holes.map((h) => h.field).join(', ')}.`,
      {
        hint: 'Write those fields in your own words (the text starting "[Reviewer to write:"), save, then approve.',
      },
    );
  }
  const note = d.note?.trim() || null;
  const approval: Approval = { version: d.basedOn, by: actor, at: new Date().toISOString(), note };
  await deps.decisions
    .decide(id, {
      ...TRANSITIONS.approve,
      basedOn: d.basedOn,
      approval,
      actor,
      note: `version ${d.basedOn}${note ? `: ${note}` : ''}`,
    })
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'approve', d.basedOn));
  if (deps.autoPublish) await publish(deps, id, 'auto-publish', { basedOn: d.basedOn });
}

export async function reject(
  deps: ReviewDeps,
  id: string,
  actor: string,
  d: Decision & { reason: string | undefined },
): Promise<void> {
  const why = requireText(d.reason, 'reason for rejecting', 'reason');
  await deps.decisions
    .decide(id, {
      ...TRANSITIONS.reject,
      basedOn: d.basedOn,
      reason: why,
      actor,
      note: why,
    })
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'reject', d.basedOn));
}

/** Send a draft back: the summarizer writes the next version with the reviewer's notes in the prompt. */
export async function requestChanges(
  deps: ReviewDeps,
  id: string,
  actor: string,
  d: Decision & { notes: string | undefined },
): Promise<number> {
  if (deps.summarizer === 'extractive') {
    throw new InputError(
      'Requesting changes needs an LLM: the offline extractive provider cannot apply notes.',
      {
        hint: 'Edit the draft yourself and save it, or configure OPENAI_API_KEY / OPENAI_BASE_URL for the workers.',
      },
    );
  }
  const text = requireText(d.notes, 'note saying what to change', 'notes');
  await deps.decisions
    .decide(id, {
      ...TRANSITIONS.requestChanges,
      basedOn: d.basedOn,
      reason: text,
      actor,
      note: text,
    })
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'request changes on', d.basedOn));
  const version = d.basedOn + 1;
  await deps.enqueue.summarize(id, version);
  return version;
}

/** A rejected or withdrawn paper goes back to review, with its latest version. */
export async function reopen(deps: ReviewDeps, id: string, actor: string, note?: string): Promise<void> {
  const paper = await deps.store.require(id);
  if (paper.draftCount === 0) throw new StateError('reopened', id, paper.state, TRANSITIONS.reopen.from);
  await deps.decisions
    .decide(id, {
      ...TRANSITIONS.reopen,
      basedOn: paper.draftCount,
      actor,
      note: note?.trim() || `back to review at version ${paper.draftCount}`,
    })
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'reopen', paper.draftCount));
}

/** Put a failed paper back in the pipeline from the stage it failed in. */
export async function retry(deps: ReviewDeps, id: string, actor: string): Promise<string> {
  const paper = await deps.store.require(id);
  const move = paper.record ? TRANSITIONS.retrySummarize : TRANSITIONS.retryIngest;
  if (!allows(move.from, paper.state)) throw new StateError('retry', id, paper.state, move.from);
  const { to } = move;
  await deps.store.transition(id, { ...move, actor, note: paper.reason });
  if (to === 'summarizing') await deps.enqueue.summarize(id, paper.draftCount + 1);
  else await deps.enqueue.ingest(id);
  return to;
}
