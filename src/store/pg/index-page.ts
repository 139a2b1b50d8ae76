/**
 * One page of the queue from the PostgreSQL index and how many match. A word
 * search first takes up to `probe` papers (5,000) holding every word straight from the
 * GIN index: when that is all of them (the usual search for a PMID, a DOI or
 * a rare word), the page and an exact total come from those rows alone, so no
 * plan ever walks the whole queue looking for one paper. Otherwise the page is
 * one index scan in the sort's order, and the total comes from ./index-count.ts.
 */
import type { IndexQuery } from '../../domain/ports/search-index.ts';
import { boundedCount, countKey, readCount, type Total } from './index-count.ts';
import { allTokens, type IndexTables, orderOf, whereOf } from './index-sql.ts';
import type { Queryable } from './queryable.ts';

/** Papers a word search takes from the GIN index before it counts as broad. */
export const PROBE = 5000;

export type Page = Total & { ids: string[] };

const COLUMNS =
  'id, state, created, topics, check_result, provider, model, submitter, grade, checks, credibility';

const window = (q: IndexQuery) => `LIMIT ${Math.max(0, q.limit)} OFFSET ${Math.max(0, q.offset)}`;

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

export async function pageOf(db: Queryable, t: IndexTables, q: IndexQuery): Promise<Page> {
  if (q.tokens?.length) {
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
  return { ids, ...(await boundedCount(db, t, where, params)) };
}
