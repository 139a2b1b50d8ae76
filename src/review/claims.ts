/**
 * Claiming: a reviewer who opens a pending draft holds it for CLAIM_TTL_MS
 * (renewed on each visit), so two people do not review the same paper
 * without knowing it. Others see who holds it and since when; they can take
 * it over explicitly (audited). A claim lapses by itself; a decision by the
 * holder gives it back.
 */

import type { Claim } from '../domain/claim.ts';
import type { ClaimResult } from '../domain/ports/claims.ts';
import { TRANSITIONS } from '../domain/transitions.ts';
import { ClaimedError } from '../errors/claimed-error.ts';
import { StateError } from '../errors/state-error.ts';
import type { ReviewDeps } from './deps.ts';

/** Only drafts waiting for a decision are claimed: those a reviewer may approve. */
export const CLAIMABLE_STATES = TRANSITIONS.approve.from;

const minute = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

/**
 * Claim a paper (or renew one's own claim). Held by someone else: the result
 * says so ('held') unless `takeOver`, which takes it and writes an audit entry.
 */
export async function claimPaper(
  deps: ReviewDeps,
  id: string,
  actor: string,
  options: { takeOver?: boolean } = {},
): Promise<ClaimResult> {
  const paper = await deps.store.require(id);
  if (!(CLAIMABLE_STATES as readonly string[]).includes(paper.state))
    throw new StateError('claim', id, paper.state, CLAIMABLE_STATES);
  const result = await deps.claims.claim(id, actor, deps.claimTtlMs, options.takeOver === true);
  if (result.outcome === 'taken' && result.previous) {
    await deps.store.auditLog.append(id, {
      actor,
      action: 'took over',
      note: `claim of ${result.previous.by} (held since ${minute(result.previous.since)})`,
    });
  }
  return result;
}

/** Claim it, or fail with who holds it (the API's claim without takeOver). */
export async function requireClaim(
  deps: ReviewDeps,
  id: string,
  actor: string,
  takeOver: boolean,
): Promise<ClaimResult> {
  const result = await claimPaper(deps, id, actor, { takeOver });
  if (result.outcome === 'held') throw new ClaimedError(id, result.claim.by, result.claim.since);
  return result;
}

/** Give one's own claim back; true when there was one. */
export function releaseClaim(deps: ReviewDeps, id: string, actor: string): Promise<boolean> {
  return deps.claims.release(id, actor);
}

export function claimOf(deps: ReviewDeps, id: string): Promise<Claim | null> {
  return deps.claims.get(id);
}

export function claimsOf(deps: ReviewDeps, ids: readonly string[]): Promise<Map<string, Claim>> {
  return deps.claims.many(ids);
}

/** A claim held by someone other than `actor` (what a bulk decision refuses to act past). */
export async function heldByOther(deps: ReviewDeps, id: string, actor: string): Promise<Claim | null> {
  const claim = await deps.claims.get(id);
  return claim && claim.by !== actor ? claim : null;
}
