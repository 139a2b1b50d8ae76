/**
 * Rows of the record store turned into the domain's types, and the writer
 * every change goes through: one transaction, its audit entries inserted in
 * it, and after the commit the same entries mirrored to the Redis audit
 * stream (capped) that webhooks and the desk's live pulse read.
 */

import { FailureRecord } from '../../domain/failure.ts';
import { Paper } from '../../domain/paper.ts';
import { Approval, Publication } from '../../domain/publication.ts';
import type { Keys } from '../keys.ts';
import { DocSchema } from '../paper-doc.ts';
import type { RedisClient } from '../redis-client.ts';
import { inTransaction, type Pool, type PoolClient } from './connect.ts';

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

/** Audit entries kept in the Redis stream for its readers (webhooks, the live pulse); the record is in PostgreSQL. */
const MIRROR_MAXLEN = 10_000;

export class Writer {
  constructor(
    private readonly pool: Pool,
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Run `work` in one transaction; the entries it audited are mirrored once it commits. */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const entries: string[] = [];
    const result = await inTransaction(this.pool, (client) =>
      work({
        client,
        audit: async (paperId, entry, atMs) => {
          await client.query('INSERT INTO audit (at_ms, paper_id, entry) VALUES ($1, $2, $3)', [
            atMs,
            paperId,
            entry,
          ]);
          entries.push(entry);
        },
      }),
    );
    await this.mirror(entries);
    return result;
  }

  /**
   * Best effort: the change is committed and recorded in PostgreSQL already, so a
   * Redis that fails here must not turn it into an error (a caller would retry a
   * write that happened); webhooks then miss that entry.
   */
  async mirror(entries: readonly string[]): Promise<void> {
    if (entries.length === 0) return;
    const multi = this.redis.multi();
    for (const entry of entries)
      multi.xadd(this.keys.auditAll, 'MAXLEN', '~', MIRROR_MAXLEN, '*', 'entry', entry);
    await multi.exec().catch(() => null);
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
