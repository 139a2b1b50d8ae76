/**
 * How many papers match a queue query, and the filter menus, without
 * counting half a million rows on every page:
 * - the views the counts table covers (no filter; a state; one filter value;
 *   a state and one filter value) read one count, exact;
 * - any other view is counted when the planner expects at most `cap`
 *   matches (10,000); above that the total is the planner's estimate,
 *   marked approximate (the desk says "about").
 * Writers only append deltas (./index-sql.ts); `fold` moves them into the
 * counts, run by readers at most every FOLD_EVERY_MS per index.
 */
import type { Facet, IndexQuery } from '../../domain/ports/search-index.ts';
import { facetValue } from '../index-entry.ts';
import type { IndexTables } from './index-sql.ts';
import type { Queryable } from './queryable.ts';

export interface Total {
  total: number;
  approximate: boolean;
}

/** The counts-table key answering this query's total, or null when it must be counted. */
export function countKey(q: IndexQuery): [kind: string, value: string] | null {
  if (q.tokens?.length || q.from !== undefined || q.to !== undefined) return null;
  const dims = (
    [
      ['topic', q.topic ? facetValue(q.topic) : undefined],
      ['check', q.check],
      ['provider', q.provider],
      ['model', q.model],
      ['submitter', q.submitter],
    ] as const
  ).filter(([, v]) => v);
  const [dim, more] = dims;
  if (more) return null;
  if (!dim) return q.state ? ['state', q.state] : ['all', ''];
  return q.state ? [`state+${dim[0]}`, `${q.state}\u001f${dim[1]}`] : [dim[0], dim[1] ?? ''];
}

/** One key's count: its folded count plus the deltas not folded yet. */
export async function readCount(
  db: Queryable,
  t: IndexTables,
  [kind, value]: [string, string],
): Promise<number> {
  const { rows } = await db.query<{ n: string | null }>(
    `SELECT (SELECT coalesce(sum(n), 0) FROM ${t.count} WHERE kind = $1 AND value = $2)
          + (SELECT coalesce(sum(d), 0) FROM ${t.delta} WHERE kind = $1 AND value = $2) AS n`,
    [kind, value],
  );
  return Number(rows[0]?.n ?? 0);
}

/** A filter's values held by at least one paper, most used first (ties: the greater value first). */
export async function facetValues(
  db: Queryable,
  t: IndexTables,
  field: Facet,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.query<{ value: string }>(
    `SELECT value FROM (
       SELECT value, n FROM ${t.count} WHERE kind = $1
       UNION ALL SELECT value, d FROM ${t.delta} WHERE kind = $1
     ) c GROUP BY value HAVING sum(n) > 0 ORDER BY sum(n) DESC, value DESC LIMIT $2`,
    [field, limit],
  );
  return rows.map((r) => r.value);
}

/** Move every visible delta into the counts (two folds at once each move a row once). */
export async function fold(db: Queryable, t: IndexTables): Promise<void> {
  await db.query(
    `WITH moved AS (DELETE FROM ${t.delta} RETURNING kind, value, d)
     INSERT INTO ${t.count} AS c (kind, value, n)
     SELECT kind, value, sum(d) FROM moved GROUP BY kind, value ORDER BY kind, value
     ON CONFLICT (kind, value) DO UPDATE SET n = c.n + excluded.n`,
  );
}

/** The planner's estimate of the rows a WHERE clause matches. */
export async function estimate(
  db: Queryable,
  t: IndexTables,
  where: string,
  params: unknown[],
): Promise<number> {
  const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${t.index} ${where}`,
    params,
  );
  return Math.round(rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
}

/**
 * A view the counts table does not cover: counted when the planner expects
 * at most `cap` matches (counting stops at four times that, in case it
 * guessed low), else the planner's estimate, marked approximate. Never under
 * `atLeast` (the matches the page itself has shown to exist).
 */
export async function countOrEstimate(
  db: Queryable,
  t: IndexTables,
  where: string,
  params: unknown[],
  atLeast: number,
): Promise<Total> {
  const guess = await estimate(db, t, where, params);
  if (guess > t.cap) return { total: Math.max(guess, atLeast), approximate: true };
  const limit = 4 * t.cap;
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${t.index} ${where} LIMIT ${limit + 1}) m`,
    params,
  );
  const n = Number(rows[0]?.n ?? 0);
  return n > limit ? { total: Math.max(n, atLeast), approximate: true } : { total: n, approximate: false };
}
