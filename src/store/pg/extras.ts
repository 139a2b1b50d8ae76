/**
 * The record store's side tables in PostgreSQL, behind the helpers of
 * ../submitters.ts, ../traces.ts, ../merges.ts and ../lease.ts: who submitted
 * what, what is left of a paper, duplicates merged at ingest, and the sweep's
 * first read. Each write is one transaction with its audit entry.
 */
import { AuditEntry } from '../../domain/draft.ts';
import type { PaperRecord } from '../../domain/paper.ts';
import { PaperState } from '../../domain/state.ts';
import { DocSchema } from '../paper-doc.ts';
import { auditEntry } from '../script-results.ts';
import type { Pool } from './connect.ts';
import type { RecordIndex } from './record-index.ts';
import { lockPaper, type Writer } from './rows.ts';

export interface PgHandle {
  pool: Pool;
  writer: Writer;
  index: RecordIndex;
}

export async function pgSubmittedIds(
  pool: Pool,
  name: string,
  limit: number,
  offset: number,
): Promise<string[]> {
  const { rows } = await pool.query<{ paper_id: string }>(
    'SELECT paper_id FROM submitters WHERE name = $1 ORDER BY at_ms DESC, paper_id DESC LIMIT $2 OFFSET $3',
    [name, limit, offset],
  );
  return rows.map((r) => r.paper_id);
}

export async function pgCountSubmitted(pool: Pool, name: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM submitters WHERE name = $1', [
    name,
  ]);
  return Number(rows[0]?.n ?? 0);
}

/** The paper's state (if its row is there) and its own audit entries. */
export async function pgTraces(
  pool: Pool,
  id: string,
): Promise<{ states: PaperState[]; audit: AuditEntry[] } | null> {
  const [state, audit] = await Promise.all([
    pool.query<{ state: string }>('SELECT state FROM papers WHERE id = $1', [id]),
    pool.query('SELECT entry FROM audit WHERE paper_id = $1 ORDER BY seq', [id]),
  ]);
  const states = state.rows.flatMap((r) => {
    const parsed = PaperState.safeParse(r.state);
    return parsed.success ? [parsed.data] : [];
  });
  const entries = audit.rows.map((r) => AuditEntry.parse(r.entry));
  return states.length === 0 && entries.length === 0 ? null : { states, audit: entries };
}

/** Papers the audit log knows whose row is gone and that were not merged: none unless rows were deleted by hand. */
export async function pgLostPapers(pool: Pool): Promise<{ checked: number; lost: string[] }> {
  const { rows } = await pool.query<{ paper_id: string; lost: boolean }>(
    `SELECT a.paper_id, NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = a.paper_id)
         AND NOT EXISTS (SELECT 1 FROM merged m WHERE m.id = a.paper_id) AS lost
     FROM (SELECT DISTINCT paper_id FROM audit) a`,
  );
  return { checked: rows.length, lost: rows.filter((r) => r.lost).map((r) => r.paper_id) };
}

/** Remove a duplicate behind a tombstone leading to `intoId`; its drafts and blob go with it. */
export async function pgDiscard(h: PgHandle, id: string, intoId: string): Promise<void> {
  const now = new Date();
  await h.writer.write(async (tx) => {
    const row = await lockPaper(tx.client, id).catch(() => null);
    const note = `same paper as ${intoId}`;
    const entry = auditEntry(id, { actor: 'ingest', action: 'merged', note }, row?.state ?? null, null, now);
    await tx.client.query(
      'INSERT INTO merged (id, into_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET into_id = EXCLUDED.into_id',
      [id, intoId],
    );
    await tx.client.query('DELETE FROM papers WHERE id = $1', [id]);
    await tx.client.query('DELETE FROM blobs WHERE paper_id = $1', [id]);
    await h.index.remove(tx.client, id);
    await tx.audit(id, entry, now.getTime());
  });
}

/** The paper that stays learns the identifiers its record lacked, with an audit entry saying what was merged. */
export async function pgAdopt(
  h: PgHandle,
  intoId: string,
  learned: PaperRecord['ids'],
  note: string,
): Promise<void> {
  const now = new Date();
  await h.writer.write(async (tx) => {
    const entry = auditEntry(intoId, { actor: 'ingest', action: 'merged', note }, null, null, now);
    const row = await lockPaper(tx.client, intoId).catch(() => null);
    await tx.audit(intoId, entry, now.getTime());
    if (!row) return;
    const doc = DocSchema.parse(row.doc);
    const record = doc.record;
    const missing =
      record && Object.entries(learned).some(([key, v]) => v && !record.ids[key as keyof typeof learned]);
    if (!record || !missing) return;
    const ids = { ...learned, ...Object.fromEntries(Object.entries(record.ids).filter(([, v]) => v)) };
    await tx.client.query('UPDATE papers SET doc = $2 WHERE id = $1', [
      intoId,
      JSON.stringify({ ...doc, record: { ...record, ids } }),
    ]);
  });
}

/** Each paper's state and draft count (null where absent), as the sweep reads them first. */
export async function pgStatesAndDraftCounts(
  pool: Pool,
  ids: readonly string[],
): Promise<{ state: string | null; drafts: string | null }[]> {
  const { rows } = await pool.query<{ id: string; state: string; draft_count: number }>(
    'SELECT id, state, draft_count FROM papers WHERE id = ANY($1)',
    [ids],
  );
  const by = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = by.get(id);
    return r ? { state: r.state, drafts: String(r.draft_count) } : { state: null, drafts: null };
  });
}
