/**
 * Publishing and withdrawing. Only the approved version of an approved paper
 * goes live; the page keeps the URL it got the first time, and a corrected
 * version replaces the live one only when it is approved and published in
 * turn. Withdrawing takes the page down (it answers 410) and out of every
 * list, feed and export.
 */
import type { Publication } from '../domain/publication.ts';
import { TRANSITIONS } from '../domain/transitions.ts';
import { InputError } from '../errors/input-error.ts';
import { StateError } from '../errors/state-error.ts';
import { slugFor } from '../publish/published.ts';
import { explainRefusal } from './conflicts.ts';
import { type ReviewDeps, requireText } from './deps.ts';

/** Publish version `basedOn`: it must be the approved version and still the latest. */
export async function publish(
  deps: ReviewDeps,
  id: string,
  actor: string,
  d: { basedOn: number },
): Promise<Publication> {
  const paper = await deps.store.require(id);
  const draft = (await deps.store.drafts(id)).find((v) => v.version === d.basedOn);
  if (!draft) {
    throw new InputError(`Paper ${id} has no version ${d.basedOn}.`, {
      hint: 'Publish the approved version: `laysum review show ID` names it.',
    });
  }
  const approval = paper.approval;
  const at = new Date();
  const now = at.toISOString();
  const before = paper.publication;
  const publication: Publication = {
    version: d.basedOn,
    slug: before?.slug ?? slugFor(id, draft.summary.headline),
    firstPublishedAt: before?.firstPublishedAt ?? now,
    publishedAt: now,
    publishedBy: actor,
    approvedBy: approval?.by ?? '',
    approvedAt: approval?.at ?? '',
    withdrawn: null,
  };
  const correction = before
    ? ` (replaces version ${before.version}${before.withdrawn ? ', which was withdrawn' : ''})`
    : '';
  await deps.decisions
    .publish(
      id,
      publication,
      {
        actor,
        action: TRANSITIONS.publish.action,
        note: `version ${d.basedOn}${correction}`,
      },
      at,
    )
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'publish', d.basedOn));
  return publication;
}

/** Take a live page down, with a reason for the audit log. */
export async function unpublish(
  deps: ReviewDeps,
  id: string,
  actor: string,
  d: { reason: string | undefined },
): Promise<void> {
  const reason = requireText(d.reason, 'reason for unpublishing', 'reason');
  const paper = await deps.store.require(id);
  const live = paper.publication;
  if (!live || live.withdrawn) throw new StateError('unpublished', id, 'not published', ['published']);
  const at = new Date().toISOString();
  await deps.decisions
    .withdraw(
      id,
      live,
      { ...live, withdrawn: { at, by: actor, reason } },
      {
        actor,
        action: TRANSITIONS.unpublish.action,
        reason,
        note: `version ${live.version} withdrawn: ${reason}`,
      },
    )
    .catch((err: unknown) => explainRefusal(err, deps.store, id, 'unpublish', live.version));
}
