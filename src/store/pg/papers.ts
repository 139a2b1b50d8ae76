/**
 * The papers port (../../domain/ports/papers.ts) in PostgreSQL: the system of
 * record when DATABASE_URL is set. Writes are ./paper-writes.ts, each one
 * transaction with its audit entry and the search index's row; reads are
 * plain queries. Claims, leases and visits stay in Redis under the same
 * prefix (the connection is held for ../claims.ts, ../lease.ts and
 * ../submitters.ts as the Redis store's is).
 */

import { type AuditEntry, AuditEntry as AuditEntrySchema, Draft } from '../../domain/draft.ts';
import type { Identity } from '../../domain/identity.ts';
import type { Origin, Paper, PaperRecord, Submission } from '../../domain/paper.ts';
import type { AddDraftOptions, Papers, TransitionInput } from '../../domain/ports/papers.ts';
import type { PaperState } from '../../domain/state.ts';
import { NotFoundError } from '../../errors/not-found-error.ts';
import { storeCommands } from '../commands.ts';
import { holdInternals } from '../internals.ts';
import { type Keys, keys as makeKeys } from '../keys.ts';
import { DocSchema, newPaperId } from '../paper-doc.ts';
import type { RedisClient } from '../redis-client.ts';
import { scriptError } from '../script-results.ts';
import { PgAuditLog } from './audit-log.ts';
import type { Pool } from './connect.ts';
import type { PgHandle } from './extras.ts';
import { appendDraft, createPaper, reindexIn, transitionPaper, writeRecord } from './paper-writes.ts';
import { PgPublicSite } from './public-site.ts';
import type { RecordIndex } from './record-index.ts';
import { PAPER_COLUMNS, type PaperRow, rowToPaper, Writer } from './rows.ts';

const held = new WeakMap<object, PgHandle>();

/** The pool, writer and index of a PostgreSQL store, for the helpers of ../ that write beside it; null for a Redis store. */
export function pgOf(store: object): PgHandle | null {
  return held.get(store) ?? null;
}

export class PgPaperStore implements Papers {
  readonly auditLog: PgAuditLog;
  readonly publicSite: PgPublicSite;
  private readonly writer: Writer;
  private readonly keys: Keys;
  constructor(
    private readonly pool: Pool,
    redis: RedisClient,
    prefix: string,
    readonly index: RecordIndex,
  ) {
    this.keys = makeKeys(prefix);
    this.writer = new Writer(pool, redis, this.keys);
    this.auditLog = new PgAuditLog(pool, this.writer);
    this.publicSite = new PgPublicSite(pool);
    holdInternals(this, { redis, keys: this.keys, scripts: storeCommands(redis) });
    held.set(this, { pool, writer: this.writer, index });
  }

  indexReady(): Promise<boolean> {
    return this.index.isBuilt();
  }

  /** Index a paper again as it is now (a rebuild calls this for many papers at once: no client is held between the queries). */
  reindex(id: string): Promise<void> {
    return reindexIn(this.pool, this.index, id);
  }

  create(input: {
    submission: Submission;
    origin: Origin;
    identities: readonly Identity[];
    id?: string;
  }): Promise<{ created: boolean; id: string }> {
    const now = new Date();
    const id = input.id ?? newPaperId();
    const doc = DocSchema.parse({ ...input, record: null });
    const paper: Paper = {
      id,
      ...doc,
      state: 'queued',
      reason: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      draftCount: 0,
      failure: null,
      approval: null,
      publication: null,
    };
    return this.writer.write((tx) => createPaper(tx, this.index, paper, input.identities, now));
  }

  async get(id: string): Promise<Paper | null> {
    const { rows } = await this.pool.query<PaperRow>(`SELECT ${PAPER_COLUMNS} FROM papers WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? rowToPaper(rows[0]) : null;
  }

  async require(id: string): Promise<Paper> {
    const paper = await this.get(id);
    if (!paper) throw new NotFoundError('paper', id);
    return paper;
  }

  async transition(id: string, t: TransitionInput): Promise<PaperState> {
    try {
      return (await this.writer.write((tx) =>
        transitionPaper(tx, this.index, id, t, new Date()),
      )) as PaperState;
    } catch (err) {
      throw scriptError(err, id, t.action, t.from);
    }
  }

  async setRecord(
    id: string,
    paper: Paper,
    record: PaperRecord,
    identities: readonly Identity[],
    then?: Omit<TransitionInput, 'reason' | 'failure'>,
  ): Promise<string | null> {
    const doc = DocSchema.parse({ submission: paper.submission, origin: paper.origin, record });
    let outcome: Awaited<ReturnType<typeof writeRecord>>;
    try {
      outcome = await this.writer.write((tx) =>
        writeRecord(tx, this.index, id, doc, identities, then, new Date()),
      );
    } catch (err) {
      throw scriptError(err, id, then?.action ?? 'record', then?.from ?? '*');
    }
    if ('existing' in outcome) return outcome.existing;
    // Refused by the transition: the record stays written, as with the Redis store.
    if (outcome.refused && then) throw scriptError(outcome.refused, id, then.action, then.from);
    return null;
  }

  async addDraft(id: string, draft: Draft, opts: AddDraftOptions): Promise<boolean> {
    const parsed = Draft.parse(draft);
    try {
      return await this.writer.write((tx) => appendDraft(tx, this.index, id, parsed, opts, new Date()));
    } catch (err) {
      throw scriptError(err, id, opts.action, opts.from, opts.expected);
    }
  }

  async drafts(id: string): Promise<Draft[]> {
    const { rows } = await this.pool.query('SELECT body FROM drafts WHERE paper_id = $1 ORDER BY version', [
      id,
    ]);
    return rows.map((r) => Draft.parse(r.body));
  }

  async draftVersion(id: string, version: number): Promise<Draft | null> {
    if (!Number.isInteger(version) || version < 1) return null;
    const { rows } = await this.pool.query('SELECT body FROM drafts WHERE paper_id = $1 AND version = $2', [
      id,
      version,
    ]);
    return rows[0] ? Draft.parse(rows[0].body) : null;
  }

  async latestDraft(id: string): Promise<Draft | null> {
    const { rows } = await this.pool.query(
      'SELECT body FROM drafts WHERE paper_id = $1 ORDER BY version DESC LIMIT 1',
      [id],
    );
    return rows[0] ? Draft.parse(rows[0].body) : null;
  }

  async ids(state?: PaperState, limit = 500, offset = 0): Promise<string[]> {
    const { rows } = state
      ? await this.pool.query<{ id: string }>(
          'SELECT id FROM papers WHERE state = $1 ORDER BY state_ms, id LIMIT $2 OFFSET $3',
          [state, limit, offset],
        )
      : await this.pool.query<{ id: string }>(
          'SELECT id FROM papers ORDER BY created_ms, id LIMIT $1 OFFSET $2',
          [limit, offset],
        );
    return rows.map((r) => r.id);
  }

  /** Ids in a state either side of `id` (by when they entered it), up to `window` each way; the first ones when `id` is not in it. */
  async idsAround(state: PaperState, id: string, window: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ rank: string }>(
      `SELECT count(*) AS rank FROM papers o, papers p
       WHERE p.id = $2 AND p.state = $1 AND o.state = $1 AND (o.state_ms, o.id) < (p.state_ms, p.id)
       GROUP BY p.id`,
      [state, id],
    );
    const at = rows[0] ? Number(rows[0].rank) : null;
    if (at === null) return this.ids(state, window + 1, 0);
    const start = Math.max(0, at - window);
    return this.ids(state, at + window - start + 1, start);
  }

  async count(state?: PaperState): Promise<number> {
    const { rows } = state
      ? await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM papers WHERE state = $1', [state])
      : await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM papers');
    return Number(rows[0]?.n ?? 0);
  }

  async list(state?: PaperState, limit = 500, offset = 0): Promise<Paper[]> {
    const ids = await this.ids(state, limit, offset);
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<PaperRow>(
      `SELECT ${PAPER_COLUMNS} FROM papers WHERE id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, rowToPaper(r)]));
    return ids.flatMap((i) => byId.get(i) ?? []);
  }

  async audit(id: string): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query('SELECT entry FROM audit WHERE paper_id = $1 ORDER BY seq', [id]);
    return rows.map((r) => AuditEntrySchema.parse(r.entry));
  }

  async mergedInto(id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ into_id: string }>('SELECT into_id FROM merged WHERE id = $1', [
      id,
    ]);
    return rows[0]?.into_id ?? null;
  }

  async putBlob(id: string, bytes: Uint8Array): Promise<void> {
    await this.pool.query(
      'INSERT INTO blobs (paper_id, bytes) VALUES ($1, $2) ON CONFLICT (paper_id) DO UPDATE SET bytes = EXCLUDED.bytes',
      [id, Buffer.from(bytes)],
    );
  }

  async getBlob(id: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM blobs WHERE paper_id = $1', [
      id,
    ]);
    return rows[0]?.bytes ?? null;
  }
}
