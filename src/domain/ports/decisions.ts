/**
 * The decisions and publications port: a reviewer's decision pinned to the
 * draft version they saw, publishing exactly the approved version, and
 * withdrawing a live page, each atomic with its audit entry. `from` and `to`
 * come from ../transitions.ts. Redis: src/store/decisions.ts.
 */
import type { Approval, Publication } from '../publication.ts';
import type { PaperState } from '../state.ts';
import type { AuditInput } from './audit.ts';

export interface DecisionInput extends AuditInput {
  from: readonly PaperState[];
  to: PaperState;
  /** The draft version the person decided on: must still be the latest. */
  basedOn: number;
  reason?: string | null;
  /** Recorded for an approval; any other decision voids the approval. */
  approval?: Approval | null;
}

export interface Decisions {
  /** The previous state; StateError, ConflictError (a newer version) or NotFoundError when refused. */
  decide(id: string, d: DecisionInput): Promise<PaperState>;
  /** Put `publication.version` live: it must be the approved, latest version of an approved paper. */
  publish(id: string, publication: Publication, audit: AuditInput, now?: Date): Promise<PaperState>;
  /** Mark the live publication `before` withdrawn as `after` (refused if it changed since it was read). */
  withdraw(
    id: string,
    before: Publication,
    after: Publication,
    audit: AuditInput & { reason: string },
  ): Promise<PaperState>;
}
