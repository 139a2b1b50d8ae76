/** What the review use cases work with: the store, the queue, the claims, and a few settings. */
import type { CheckProfile } from '../checks/run-checks.ts';
import type { Config } from '../config/env.ts';
import type { Claims } from '../domain/ports/claims.ts';
import type { Decisions } from '../domain/ports/decisions.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { InputError } from '../errors/input-error.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import { ClaimStore } from '../store/claims.ts';
import { DecisionStore } from '../store/decisions.ts';

export interface ReviewDeps {
  store: Papers;
  enqueue: Enqueuer;
  /** AUTO_PUBLISH: an approval publishes the approved version at once. */
  autoPublish: boolean;
  /** Which summarizer writes new versions: the offline one cannot apply a reviewer's notes. */
  summarizer: Config['llm']['provider'];
  /** The site profile the checks of an edited version use (reading target, focus). */
  checkProfile: CheckProfile;
  /** Decisions, publications and withdrawals, each atomic with its audit entry. */
  decisions: Decisions;
  /** Who is working on which paper (./claims.ts). */
  claims: Claims;
  /** CLAIM_TTL_MS: how long a claim lasts unless renewed. */
  claimTtlMs: number;
}

/** The review use cases' dependencies from anything that holds a store, an enqueuer and the config. */
export function reviewDeps(deps: { store: Papers; enqueue: Enqueuer; config: Config }): ReviewDeps {
  return {
    store: deps.store,
    enqueue: deps.enqueue,
    autoPublish: deps.config.http.autoPublish,
    summarizer: deps.config.llm.provider,
    checkProfile: deps.config.site,
    decisions: new DecisionStore(deps.store),
    claims: new ClaimStore(deps.store),
    claimTtlMs: deps.config.http.claimTtlMs,
  };
}

/** A reason or notes a decision cannot do without; the hint names the field in every interface. */
export function requireText(value: string | undefined, what: string, field: 'reason' | 'notes'): string {
  const text = value?.trim();
  if (!text)
    throw new InputError(`A ${what} is required.`, {
      hint: `Fill in "${field}" (the desk form or the API body), or pass --${field} "..." on the command line.`,
    });
  return text;
}
