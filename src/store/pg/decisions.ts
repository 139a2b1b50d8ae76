/**
 * The decisions port in PostgreSQL (the form of ../lua/decide.lua,
 * publish.lua and unpublish.lua): the paper's row is locked, then its state,
 * its latest version, its approval or its live publication checked, and the
 * change, its audit entry and (for the public site) the generation's bump
 * written in one transaction.
 */
import type { DecisionInput, Decisions } from '../../domain/ports/decisions.ts';
import { Approval, type Publication } from '../../domain/publication.ts';
import type { PaperState } from '../../domain/state.ts';
import { TRANSITIONS } from '../../domain/transitions.ts';
import { type AuditInput, auditEntry, scriptError } from '../script-results.ts';
import type { RecordIndex } from './record-index.ts';
import { allowed, lockPaper, refuse, type Tx, type Writer } from './rows.ts';

/** After a publish or withdrawal: bump the generation, record which paper moved at it, audit, and re-state the index row. */
async function publicChange(
  tx: Tx,
  index: RecordIndex,
  id: string,
  entry: string,
  to: PaperState,
  now: Date,
) {
  const { rows } = await tx.client.query<{ n: string }>('UPDATE public_generation SET n = n + 1 RETURNING n');
  await tx.client.query('INSERT INTO public_changes (generation, paper_id) VALUES ($1, $2)', [
    rows[0]?.n,
    id,
  ]);
  await tx.audit(id, entry, now.getTime());
  await index.setState(tx.client, id, to);
}

export class PgDecisions implements Decisions {
  constructor(
    private readonly writer: Writer,
    private readonly index: RecordIndex,
  ) {}

  async decide(id: string, d: DecisionInput): Promise<PaperState> {
    const now = new Date();
    try {
      return (await this.writer.write(async (tx) => {
        const row = await lockPaper(tx.client, id);
        if (!allowed(d.from, row.state)) refuse(`BAD_STATE ${row.state}`);
        if (row.draft_count !== d.basedOn) refuse(`STALE ${row.draft_count}`);
        await tx.client.query(
          `UPDATE papers SET state = $2, reason = $3, updated_at = $4, state_ms = $5, failure = NULL, approval = $6
           WHERE id = $1`,
          [
            id,
            d.to,
            d.reason ?? '',
            now.toISOString(),
            now.getTime(),
            d.approval ? JSON.stringify(d.approval) : null,
          ],
        );
        await tx.audit(id, auditEntry(id, d, null, d.to, now), now.getTime());
        await this.index.setState(tx.client, id, d.to);
        return row.state;
      })) as PaperState;
    } catch (err) {
      throw scriptError(err, id, d.action, d.from, d.basedOn);
    }
  }

  async publish(
    id: string,
    publication: Publication,
    audit: AuditInput,
    now = new Date(),
  ): Promise<PaperState> {
    const { from, to } = TRANSITIONS.publish;
    try {
      return (await this.writer.write(async (tx) => {
        const row = await lockPaper(tx.client, id);
        if (!allowed(from, row.state)) refuse(`BAD_STATE ${row.state}`);
        if (row.draft_count !== publication.version) refuse(`STALE ${row.draft_count}`);
        const approved = row.approval ? Approval.parse(row.approval).version : 0;
        if (approved !== publication.version) refuse(`NOT_APPROVED ${approved}`);
        await tx.client.query(
          `UPDATE papers SET state = $2, reason = '', updated_at = $3, state_ms = $4, publication = $5, live_ms = $4
           WHERE id = $1`,
          [id, to, now.toISOString(), now.getTime(), JSON.stringify(publication)],
        );
        await publicChange(tx, this.index, id, auditEntry(id, audit, null, to, now), to, now);
        return row.state;
      })) as PaperState;
    } catch (err) {
      throw scriptError(err, id, audit.action, from, publication.version);
    }
  }

  async withdraw(
    id: string,
    before: Publication,
    after: Publication,
    audit: AuditInput & { reason: string },
    now = new Date(),
  ): Promise<PaperState> {
    const { from, to } = TRANSITIONS.unpublish;
    try {
      return (await this.writer.write(async (tx) => {
        const row = await lockPaper(tx.client, id);
        if (!allowed(from, row.state)) refuse(`BAD_STATE ${row.state}`);
        if (!row.publication) refuse('NOT_LIVE');
        const same = await tx.client.query('SELECT $1::jsonb = $2::jsonb AS same', [
          JSON.stringify(row.publication),
          JSON.stringify(before),
        ]);
        if (!same.rows[0]?.same) refuse('CHANGED');
        await tx.client.query(
          `UPDATE papers SET state = $2, reason = $3, updated_at = $4, state_ms = $5, publication = $6,
             approval = NULL, live_ms = NULL
           WHERE id = $1`,
          [id, to, audit.reason, now.toISOString(), now.getTime(), JSON.stringify(after)],
        );
        await publicChange(tx, this.index, id, auditEntry(id, audit, null, to, now), to, now);
        return row.state;
      })) as PaperState;
    } catch (err) {
      throw scriptError(err, id, audit.action, from, before.version);
    }
  }
}
