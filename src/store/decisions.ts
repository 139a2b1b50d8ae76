/**
 * The paper store's review writes: a decision pinned to the draft version a
 * person saw, publishing exactly the approved version, and withdrawing a
 * live page. Each is one script (./lua/decide.lua, publish.lua,
 * unpublish.lua) so the check and the write can never be split by another
 * reviewer's click.
 */

import type { DecisionInput, Decisions } from '../domain/ports/decisions.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { Publication } from '../domain/publication.ts';
import type { PaperState } from '../domain/state.ts';
import { TRANSITIONS } from '../domain/transitions.ts';
import { markDecisionCounting } from './decision-counts.ts';
import { internalsOf } from './internals.ts';
import { PgDecisions } from './pg/decisions.ts';
import { pgOf } from './pg/papers.ts';
import { type AuditInput, auditEntry, scriptError } from './script-results.ts';

/** The UTC day of an instant, `YYYY-MM-DD`: the day a decision is counted on. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export type { DecisionInput } from '../domain/ports/decisions.ts';

/** The decisions port (../domain/ports/decisions.ts) over a paper store: Redis scripts, or ./pg/decisions.ts for the PostgreSQL store. */
export class DecisionStore implements Decisions {
  constructor(private readonly store: Papers) {}
  decide(id: string, d: DecisionInput): Promise<PaperState> {
    return decide(this.store, id, d);
  }
  publish(id: string, publication: Publication, audit: AuditInput, now?: Date): Promise<PaperState> {
    return publishVersion(this.store, id, publication, audit, now);
  }
  withdraw(id: string, before: Publication, after: Publication, audit: AuditInput & { reason: string }) {
    return withdraw(this.store, id, before, after, audit);
  }
}

export async function decide(store: Papers, id: string, d: DecisionInput): Promise<PaperState> {
  const pg = pgOf(store);
  if (pg) return new PgDecisions(pg.writer, pg.index).decide(id, d);
  const now = new Date();
  const { redis, keys: k, scripts } = internalsOf(store);
  const entry = auditEntry(id, d, null, d.to, now);
  await markDecisionCounting(redis, k);
  try {
    return (await scripts.laysumDecide(
      ...[k.paper(id), k.state(d.to), k.audit(id), k.auditAll, k.drafts(id), k.decidedOn(utcDay(now))],
      ...[k.state(''), id, d.from.join(','), d.to, d.reason ?? '', now.getTime(), now.toISOString()],
      ...[entry, d.basedOn, d.approval ? JSON.stringify(d.approval) : '', k.index('')],
    )) as PaperState;
  } catch (err) {
    throw scriptError(err, id, d.action, d.from, d.basedOn);
  }
}

/** Put `publication.version` live; it must be the approved, latest version of an approved paper. */
export async function publishVersion(
  store: Papers,
  id: string,
  publication: Publication,
  audit: AuditInput,
  now = new Date(),
): Promise<PaperState> {
  const pg = pgOf(store);
  if (pg) return new PgDecisions(pg.writer, pg.index).publish(id, publication, audit, now);
  const { redis, keys: k, scripts } = internalsOf(store);
  const { from, to } = TRANSITIONS.publish;
  const entry = auditEntry(id, audit, null, to, now);
  await markDecisionCounting(redis, k);
  try {
    return (await scripts.laysumPublish(
      ...[k.paper(id), k.state(to), k.audit(id), k.auditAll, k.drafts(id)],
      ...[k.publicIndex, k.publicationGeneration, k.publicChanges, k.decidedOn(utcDay(now))],
      ...[k.state(''), id, publication.version, JSON.stringify(publication), now.getTime()],
      ...[now.toISOString(), entry, from.join(','), to, k.index('')],
    )) as PaperState;
  } catch (err) {
    throw scriptError(err, id, audit.action, from, publication.version);
  }
}

/** Mark the live publication withdrawn (compare-and-set on the record read before). */
export async function withdraw(
  store: Papers,
  id: string,
  before: Publication,
  after: Publication,
  audit: AuditInput & { reason: string },
  now = new Date(),
): Promise<PaperState> {
  const pg = pgOf(store);
  if (pg) return new PgDecisions(pg.writer, pg.index).withdraw(id, before, after, audit, now);
  const { redis, keys: k, scripts } = internalsOf(store);
  const { from, to } = TRANSITIONS.unpublish;
  const entry = auditEntry(id, audit, null, to, now);
  await markDecisionCounting(redis, k);
  try {
    return (await scripts.laysumUnpublish(
      ...[k.paper(id), k.state(to), k.audit(id), k.auditAll, k.publicIndex],
      ...[k.publicationGeneration, k.publicChanges, k.decidedOn(utcDay(now))],
      ...[k.state(''), id, JSON.stringify(before), JSON.stringify(after), audit.reason, now.getTime()],
      ...[now.toISOString(), entry, from, to, k.index('')],
    )) as PaperState;
  } catch (err) {
    throw scriptError(err, id, audit.action, from, before.version);
  }
}
