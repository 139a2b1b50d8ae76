/**
 * The record store's paper writes, each one transaction with its audit entry
 * (the PostgreSQL form of ../lua/create-paper.lua, transition.lua,
 * set-record.lua and add-draft.lua, with the same refusals): the paper's row
 * is locked (SELECT ... FOR UPDATE) before its state or version is checked,
 * and identities are claimed through their unique key, so two writers racing
 * on one paper or one identity are serialised by PostgreSQL.
 */
import { type Draft, Draft as DraftSchema } from '../../domain/draft.ts';
import { FailureRecord } from '../../domain/failure.ts';
import type { Identity } from '../../domain/identity.ts';
import { type Paper, submitterOf } from '../../domain/paper.ts';
import type { AddDraftOptions, TransitionInput } from '../../domain/ports/papers.ts';
import { TRANSITIONS } from '../../domain/transitions.ts';
import { identityKey } from '../paper-doc.ts';
import { auditEntry } from '../script-results.ts';
import type { PoolClient } from './connect.ts';
import type { Queryable } from './queryable.ts';
import type { RecordIndex } from './record-index.ts';
import { allowed, lockPaper, refuse, rowToPaper, type Tx } from './rows.ts';

/** Identities in one order, so two writers claiming overlapping sets cannot deadlock. */
function sorted(identities: readonly Identity[]): { kind: string; value: string }[] {
  return identities
    .map((i) => ({ kind: i.kind, value: identityKey(i) }))
    .sort((a, b) => (a.kind + a.value < b.kind + b.value ? -1 : 1));
}

/**
 * Claim each identity for `id` unless a live paper holds it; the holder when
 * one does (`followMerged`: also a paper merged into a live one, as create does).
 */
async function claimIdentities(
  client: PoolClient,
  id: string,
  identities: readonly Identity[],
  followMerged: boolean,
): Promise<string | null> {
  for (const { kind, value } of sorted(identities)) {
    // A new identity is ours; a taken one waits here for its holder's transaction to end.
    const inserted = await client.query(
      'INSERT INTO identities (kind, value, paper_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [kind, value, id],
    );
    if (inserted.rowCount) continue;
    // Each statement below sees what that transaction committed (READ COMMITTED).
    const held = await client.query<{ paper_id: string }>(
      'SELECT paper_id FROM identities WHERE kind = $1 AND value = $2 FOR UPDATE',
      [kind, value],
    );
    const holder = held.rows[0]?.paper_id;
    if (holder === undefined) continue;
    const known = await liveHolder(client, holder, followMerged);
    if (known && !(known === id && !followMerged)) return known;
    await client.query('UPDATE identities SET paper_id = $3 WHERE kind = $1 AND value = $2', [
      kind,
      value,
      id,
    ]);
  }
  return null;
}

/** The live paper an identity's holder is (or, with `followMerged`, was merged into); null when gone. */
async function liveHolder(client: PoolClient, holder: string, followMerged: boolean): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM papers WHERE id = $1
     UNION ALL
     SELECT p.id FROM merged m JOIN papers p ON p.id = m.into_id WHERE m.id = $1 AND $2::boolean`,
    [holder, followMerged],
  );
  return rows[0]?.id ?? null;
}

export async function createPaper(
  tx: Tx,
  index: RecordIndex,
  paper: Paper,
  identities: readonly Identity[],
  now: Date,
): Promise<{ created: boolean; id: string }> {
  const { client } = tx;
  const id = paper.id;
  const submitter = submitterOf(paper.origin.actor);
  const follow = async (known: string) => {
    if (submitter)
      await client.query(
        'INSERT INTO submitters (name, paper_id, at_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [submitter, known, now.getTime()],
      );
  };
  await client.query('SAVEPOINT claim');
  const known = await claimIdentities(client, id, identities, true);
  if (known) {
    await client.query('ROLLBACK TO SAVEPOINT claim');
    await follow(known);
    return { created: false, id: known };
  }
  const doc = { submission: paper.submission, origin: paper.origin, record: null };
  const inserted = await client.query(
    `INSERT INTO papers (id, doc, state, reason, created_at, updated_at, created_ms, state_ms, draft_count)
     VALUES ($1, $2, $3, '', $4, $4, $5, $5, 0) ON CONFLICT (id) DO NOTHING`,
    [id, JSON.stringify(doc), paper.state, paper.createdAt, now.getTime()],
  );
  if (!inserted.rowCount) return { created: false, id };
  const { to, action } = TRANSITIONS.submit;
  await tx.audit(id, auditEntry(id, { actor: paper.origin.actor, action }, null, to, now), now.getTime());
  await index.put(client, paper, null);
  await follow(id);
  return { created: true, id };
}

export async function transitionPaper(
  tx: Tx,
  index: RecordIndex,
  id: string,
  t: TransitionInput,
  now: Date,
): Promise<string> {
  const row = await lockPaper(tx.client, id);
  if (!allowed(t.from, row.state)) refuse(`BAD_STATE ${row.state}`);
  await tx.client.query(
    `UPDATE papers SET state = $2, reason = $3, updated_at = $4, state_ms = $5, failure = $6 WHERE id = $1`,
    [
      id,
      t.to,
      t.reason ?? '',
      now.toISOString(),
      now.getTime(),
      t.failure ? JSON.stringify(FailureRecord.parse(t.failure)) : null,
    ],
  );
  await tx.audit(id, auditEntry(id, t, null, t.to, now), now.getTime());
  await index.setState(tx.client, id, t.to);
  return row.state;
}

/** The outcome of setRecord: a duplicate's id, or the refusal of the transition after the record was written. */
export type RecordOutcome = { existing: string } | { refused: Error | null };

export async function writeRecord(
  tx: Tx,
  index: RecordIndex,
  id: string,
  doc: Pick<Paper, 'submission' | 'origin' | 'record'>,
  identities: readonly Identity[],
  then: Omit<TransitionInput, 'reason' | 'failure'> | undefined,
  now: Date,
): Promise<RecordOutcome> {
  const { client } = tx;
  await lockPaper(client, id);
  const existing = await claimIdentities(client, id, identities, false);
  if (existing) return { existing };
  await client.query('UPDATE papers SET doc = $2, updated_at = $3 WHERE id = $1', [
    id,
    JSON.stringify(doc),
    now.toISOString(),
  ]);
  let refused: Error | null = null;
  if (then) {
    await client.query('SAVEPOINT move');
    try {
      await transitionPaper(tx, index, id, { ...then, reason: null, failure: null }, now);
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT move');
      refused = err instanceof Error ? err : new Error(String(err));
    }
  }
  await reindexIn(client, index, id);
  return { refused };
}

export async function appendDraft(
  tx: Tx,
  index: RecordIndex,
  id: string,
  draft: Draft,
  opts: AddDraftOptions,
  now: Date,
): Promise<boolean> {
  const { client } = tx;
  const row = await lockPaper(client, id);
  const len = row.draft_count;
  if (len > opts.expected && opts.mode === 'job') return false;
  if (len !== opts.expected) refuse(`STALE ${len}`);
  if (!allowed(opts.from, row.state)) refuse(`BAD_STATE ${row.state}`);
  await client.query('INSERT INTO drafts (paper_id, version, body) VALUES ($1, $2, $3)', [
    id,
    len + 1,
    JSON.stringify(draft),
  ]);
  const moves = opts.to !== null && opts.to !== row.state;
  await client.query(
    `UPDATE papers SET approval = NULL, updated_at = $2, draft_count = $3
       ${moves ? ", state = $4, reason = '', failure = NULL, state_ms = $5" : ''}
     WHERE id = $1`,
    moves ? [id, now.toISOString(), len + 1, opts.to, now.getTime()] : [id, now.toISOString(), len + 1],
  );
  await tx.audit(id, auditEntry(id, opts, null, opts.to, now), now.getTime());
  await reindexIn(client, index, id);
  return true;
}

/** Index the paper as this transaction sees it (its latest draft included); gone: out of the index. */
export async function reindexIn(client: Queryable, index: RecordIndex, id: string): Promise<void> {
  const { rows } = await client.query(
    `SELECT p.*, (SELECT body FROM drafts d WHERE d.paper_id = p.id ORDER BY version DESC LIMIT 1) AS latest
     FROM papers p WHERE p.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return index.remove(client, id);
  await index.put(client, rowToPaper(row), row.latest ? DraftSchema.parse(row.latest) : null);
}
