/**
 * Rows of the record store turned into the domain's types, and the writer
 * every change goes through: one transaction, its audit entries inserted in
 * it, and after the commit the same entries sent to the Redis audit stream
 * (capped) that webhooks and the desk's live pulse read, through the outbox
 * of ./outbox.ts (nothing committed is left out of the stream).
 */

import { FailureRecord } from '../../domain/failure.ts';
import { Paper } from '../../domain/paper.ts';
import { Approval, Publication } from '../../domain/publication.ts';
import type { Keys } from '../keys.ts';
import { DocSchema } from '../paper-doc.ts';
import type { RedisClient } from '../redis-client.ts';
import { inTransaction, type Pool, type PoolClient } from './connect.ts';
import { catchUpMirror, mirrorCommitted, type OutboxRow } from './outbox.ts';

export const PAPER_COLUMNS =
  'id, doc, state, reason, created_at, updated_at, draft_count, failure, approval, publication';

export interface PaperRow {
  id: string;
  doc: unknown;
  state: string;
  reason: string;
  created_at: string;
  updated_at: string;
  draft_count: number;
  failure: unknown;
  approval: unknown;
  publication: unknown;
}

export function rowToPaper(row: PaperRow): Paper {
  const doc = DocSchema.parse(row.doc);
  return Paper.parse({
    id: row.id,
    ...doc,
    state: row.state,
    reason: row.reason ? row.reason : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    draftCount: row.draft_count,
    failure: row.failure ? FailureRecord.parse(row.failure) : null,
    approval: row.approval ? Approval.parse(row.approval) : null,
    publication: row.publication ? Publication.parse(row.publication) : null,
  });
}

/** A refusal, in the words of the Redis scripts, so ../script-results.ts turns both into the same errors. */
export function refuse(reply: string): never {
  throw new Error(reply);
}

/** The transaction a write runs in: its client, and the audit entries to add with it. */
export interface Tx {
  client: PoolClient;
  audit(paperId: string, entry: string, atMs: number): Promise<void>;
}

export class Writer {
  constructor(
    private readonly pool: Pool,
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Run `work` in one transaction; the entries it audited are sent to the audit stream once it commits (./outbox.ts). */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const rows: OutboxRow[] = [];
    const result = await inTransaction(this.pool, (client) =>
      work({
        client,
        audit: async (paperId, entry, atMs) => {
          const { rows: added } = await client.query<{ seq: string }>(
            'INSERT INTO audit (at_ms, paper_id, entry) VALUES ($1, $2, $3) RETURNING seq::text AS seq',
            [atMs, paperId, entry],
          );
          const seq = added[0]?.seq;
          if (!seq)
            throw new Error(`The audit entry of paper ${paperId} was not stored: try the change again.`);
          rows.push({ seq, paperId, entry });
        },
      }),
    );
    await mirrorCommitted(this.pool, this.redis, this.keys, rows);
    return result;
  }

  /** One catch-up pass of the audit stream's outbox: how many entries left behind were sent. */
  catchUp(olderThanMs: number): Promise<number> {
    return catchUpMirror(this.pool, this.redis, this.keys, olderThanMs);
  }
}

/** Lock the paper's row for the rest of the transaction; NOT_FOUND when there is none. */
export async function lockPaper(client: PoolClient, id: string): Promise<PaperRow> {
  const { rows } = await client.query<PaperRow>(
    `SELECT ${PAPER_COLUMNS} FROM papers WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? refuse('NOT_FOUND');
}

export function allowed(from: readonly string[] | '*', cur: string): boolean {
  return from === '*' || from.includes(cur);
}
