/**
 * The review queue's index in PostgreSQL: one row per paper in `paper_index`
 * (migrations/1765000100000_paper-index.sql) with its search tokens as a
 * tsvector, its filter values and sort scores, so a page of the queue is one
 * index scan and no query holds anything but its own connection. The record
 * store writes the row in the transaction that changes the paper: `put` when
 * its record or drafts change (and at creation), `setState` on a transition
 * that changes nothing else, `remove` when it is merged away or deleted.
 * Callers hold the paper's own row lock meanwhile (the record store's
 * transactions do), so two writes of one paper never interleave. Writes touch
 * no row shared between papers (counts go in as deltas), so they never wait on
 * one another. Reads go through the pool given to the constructor.
 */
import type { Draft } from '../../domain/draft.ts';
import type { Paper } from '../../domain/paper.ts';
import type { Facet, IndexQuery, SearchIndex } from '../../domain/ports/search-index.ts';
import type { PaperState } from '../../domain/state.ts';
import { LaySumError } from '../../errors/laysum-error.ts';
import { type IndexedPaper, indexEntry } from '../index-entry.ts';
import { facetValues, fold, readCount } from './index-count.ts';
import { pageOf } from './index-page.ts';
import { type IndexTables, putSql, recountSql, removeSql, setStateSql } from './index-sql.ts';
import { ident, type Queryable } from './queryable.ts';

/** Bump when the row's shape or the tokenizer changes: the index is then rebuilt once (a new schema starts at 1). */
const INDEX_VERSION = '1';
/** How often a reader folds the count deltas (./index-count.ts). */
const FOLD_EVERY_MS = 5000;

/** What a row is made from: the paper (its state and creation time too) and its latest draft. */
export type IndexedRecord = IndexedPaper & Pick<Paper, 'state' | 'createdAt'>;

export class PgSearchIndex implements SearchIndex {
  private readonly t: IndexTables;
  private built = false;
  private folded = 0;

  constructor(
    private readonly db: Queryable,
    schema: string,
    limits: Partial<Pick<IndexTables, 'probe' | 'cap'>> = {},
  ) {
    const s = ident(schema);
    this.t = {
      ...{ index: `${s}.paper_index`, count: `${s}.paper_index_count`, delta: `${s}.paper_index_delta` },
      ...{ meta: `${s}.paper_index_meta`, keys: `${s}.paper_index_keys` },
      ...{ probe: limits.probe ?? 5000, cap: limits.cap ?? 10_000 },
    };
  }

  /** Write a paper's row (insert or replace) and its facet counts, on the caller's connection. */
  async put(q: Queryable, paper: IndexedRecord, draft: Draft | null): Promise<void> {
    const e = indexEntry(paper, draft);
    const created = Date.parse(paper.createdAt);
    if (!Number.isFinite(created))
      throw new LaySumError(
        `Paper ${paper.id} cannot be indexed: its createdAt "${paper.createdAt}" is not a time.`,
        {
          hint: 'Store createdAt as an ISO 8601 time (new Date().toISOString()).',
        },
      );
    await q.query(putSql(this.t), [
      ...[paper.id, e.submitter, e.topics, e.provider, e.model, paper.state, created],
      ...[e.tokens, e.check, e.grade, e.checks, e.credibility],
    ]);
  }

  /** Move a paper's row to another state (a transition that changes neither record nor draft). */
  async setState(q: Queryable, id: string, state: PaperState): Promise<void> {
    await q.query(setStateSql(this.t), [id, state]);
  }

  /** Take a paper out of the index and its values out of the facet counts. */
  async remove(q: Queryable, id: string): Promise<void> {
    await q.query(removeSql(this.t), [id]);
  }

  /** One page of ids matching the query, with how many match in all (approximate: an estimate above CAP). */
  async query(q: IndexQuery): Promise<{ total: number; ids: string[]; approximate: boolean }> {
    await this.foldNow();
    return pageOf(this.db, this.t, q);
  }

  /** The values of a filter, most common first (the filter menus). */
  async facet(field: Facet, limit = 200): Promise<string[]> {
    await this.foldNow();
    return facetValues(this.db, this.t, field, limit);
  }

  /** How many papers are indexed in a state (or in all), exact, without counting rows: the desk's state counts. */
  async count(state?: PaperState): Promise<number> {
    await this.foldNow();
    return readCount(this.db, this.t, state ? ['state', state] : ['all', '']);
  }

  /** Fold the writers' count deltas into the counts, at most every FOLD_EVERY_MS (readers call it). */
  private async foldNow(): Promise<void> {
    const now = Date.now();
    if (now - this.folded < FOLD_EVERY_MS) return;
    this.folded = now;
    await fold(this.db, this.t);
  }

  /** Whether every paper was put for this index version; checked once per process and index. */
  async isBuilt(): Promise<boolean> {
    if (this.built) return true;
    const { rows } = await this.db.query<{ value: string }>(
      `SELECT value FROM ${this.t.meta} WHERE key = 'version'`,
    );
    this.built = rows[0]?.value === INDEX_VERSION;
    return this.built;
  }

  /** Mark the index complete for this version (after a rebuild put every paper); counts every key again. */
  async markBuilt(): Promise<void> {
    await this.db.query(recountSql(this.t));
    await this.db.query(
      `INSERT INTO ${this.t.meta} (key, value) VALUES ('version', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [INDEX_VERSION],
    );
    this.built = true;
  }
}
