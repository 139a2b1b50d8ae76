/**
 * One page of the queue from the PostgreSQL index and how many match. A word
 * search first takes up to `probe` papers (5,000) holding every word straight from the
 * GIN index, unless the planner knows them for frequent words: when that is
 * all of them (the usual search for a PMID, a DOI or a rare word), the page
 * and an exact total come from those rows alone, so no plan ever walks the
 * whole queue looking for one paper. Otherwise the page is
 * one index scan in the sort's order, and the total comes from ./index-count.ts.
 */
import type { IndexQuery } from '../../domain/ports/search-index.ts';
import { countKey, countOrEstimate, estimate, readCount, type Total } from './index-count.ts';
import { allTokens, type IndexTables, orderOf, whereOf } from './index-sql.ts';
import type { Queryable } from './queryable.ts';

/** Papers a word search takes from the GIN index before it counts as broad. */
export const PROBE = 5000;

export type Page = Total & { ids: string[] };

const COLUMNS =
  'id, state, created, topics, check_result, provider, model, submitter, grade, checks, credibility';

/** A whole number from 0 (the port's limit and offset, written into the SQL). */
const count = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);

const window = (q: IndexQuery) => `LIMIT ${count(q.limit)} OFFSET ${count(q.offset)}`;

async function fewMatches(db: Queryable, t: IndexTables, q: IndexQuery): Promise<Page | null> {
  const params: unknown[] = [allTokens(q.tokens ?? [])];
  const where = whereOf({ ...q, tokens: undefined }, params);
  const { rows } = await db.query<{ probe: string; total: string; ids: string[] }>(
    `WITH m AS MATERIALIZED (SELECT ${COLUMNS} FROM ${t.index} WHERE search @@ $1::tsquery LIMIT ${t.probe + 1}),
          f AS (SELECT * FROM m ${where})
     SELECT (SELECT count(*) FROM m) AS probe, (SELECT count(*) FROM f) AS total,
            ARRAY(SELECT id FROM f ${orderOf(q)} ${window(q)}) AS ids`,
    params,
  );
  const r = rows[0];
  if (!r || Number(r.probe) > t.probe) return null;
  return { ids: r.ids, total: Number(r.total), approximate: false };
}

/**
 * Whether the words may match few papers: the planner knows the frequent
 * words (their share is in the column's statistics) and guesses high for the
 * rare ones, so a broad word skips the probe that would only find it broad.
 */
async function mayBeFew(db: Queryable, t: IndexTables, tokens: readonly string[]): Promise<boolean> {
  return (await estimate(db, t, 'WHERE search @@ $1::tsquery', [allTokens(tokens)])) <= 4 * t.probe;
}

export async function pageOf(db: Queryable, t: IndexTables, q: IndexQuery): Promise<Page> {
  if (q.tokens?.length && (await mayBeFew(db, t, q.tokens))) {
    const few = await fewMatches(db, t, q);
    if (few) return few;
  }
  const params: unknown[] = [];
  const where = whereOf(q, params);
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM ${t.index} ${where} ${orderOf(q)} ${window(q)}`,
    params,
  );
  const ids = rows.map((r) => r.id);
  // A short page that starts at or before the last match counted them all already.
  if (ids.length < q.limit && (ids.length > 0 || q.offset === 0))
    return { ids, total: q.offset + ids.length, approximate: false };
  const key = countKey(q);
  if (key) return { ids, total: await readCount(db, t, key), approximate: false };
  return { ids, ...(await countOrEstimate(db, t, where, params, q.offset + ids.length)) };
}
