/**
 * What the paper store's scripts write and answer besides data: the audit
 * entry they append, and the error replies they give ('NOT_FOUND',
 * 'BAD_STATE <current>', 'STALE <len>', 'NOT_APPROVED <version>', 'NOT_LIVE',
 * 'CHANGED') turned into LaySum's errors.
 */
import type { AuditEntry } from '../domain/draft.ts';
import type { AuditInput } from '../domain/ports/audit.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotApprovedError } from '../errors/not-approved-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { StateError } from '../errors/state-error.ts';

export type { AuditInput } from '../domain/ports/audit.ts';

export function auditEntry(
  id: string,
  a: AuditInput,
  from: string | null,
  to: string | null,
  now: Date,
): string {
  const entry: AuditEntry = {
    at: now.toISOString(),
    paperId: id,
    actor: a.actor,
    action: a.action,
    from,
    to,
    note: a.note ?? null,
  };
  return JSON.stringify(entry);
}

export function scriptError(
  err: unknown,
  id: string,
  action: string,
  allowed: readonly string[] | '*',
  basedOn = 0,
): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes('NOT_FOUND')) return new NotFoundError('paper', id);
  const bad = /BAD_STATE (\S+)/.exec(message);
  if (bad?.[1]) return new StateError(action, id, bad[1], allowed === '*' ? [] : allowed);
  const stale = /STALE (\d+)/.exec(message);
  if (stale?.[1]) return new ConflictError(id, basedOn, Number(stale[1]));
  const notApproved = /NOT_APPROVED (\d+)/.exec(message);
  if (notApproved?.[1]) return new NotApprovedError(id, basedOn, Number(notApproved[1]));
  if (message.includes('NOT_LIVE')) return new StateError(action, id, 'not published', ['published']);
  if (message.includes('CHANGED'))
    return new ConflictError(
      id,
      basedOn,
      basedOn,
      `Paper ${id}: its publication changed while you were deciding.`,
    );
  return err instanceof Error ? err : new Error(message);
}
