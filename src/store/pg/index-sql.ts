/**
 * The SQL of the PostgreSQL search index (./search-index.ts): the WHERE and
 * ORDER BY of a page, and putting, moving or removing a paper's row together
 * with the count deltas it makes, each one statement.
 */
import type { IndexQuery } from '../../domain/ports/search-index.ts';
import { facetValue } from '../index-entry.ts';

/** The tables of one schema. */
export interface IndexTables {
  index: string;
  count: string;
  delta: string;
  meta: string;
  /** The function giving a row's count keys. */
  keys: string;
  /** Papers a word search takes from the GIN index before it counts as broad (./index-page.ts). */
  probe: number;
  /** Matches counted exactly before a total becomes an estimate (./index-count.ts). */
  cap: number;
}

const SORT_COLUMNS = {
  age: 'created',
  grade: 'grade',
  checks: 'checks',
  credibility: 'credibility',
} as const;

/**
 * A tsquery that every token must match, each quoted as one lexeme so no
 * token is parsed or stemmed again (a DOI stays one lexeme; `'` and `\` escaped).
 */
export function allTokens(tokens: readonly string[]): string {
  return tokens.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** The WHERE clause of a query, its parameters appended to `params`. */
export function whereOf(q: IndexQuery, params: unknown[]): string {
  const cond: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    cond.push(sql(`$${params.length}`));
  };
  if (q.state) add((p) => `state = ${p}`, q.state);
  if (q.topic) add((p) => `topics @> ARRAY[${p}::text]`, facetValue(q.topic));
  if (q.check) add((p) => `check_result = ${p}`, q.check);
  if (q.provider) add((p) => `provider = ${p}`, q.provider);
  if (q.model) add((p) => `model = ${p}`, q.model);
  if (q.submitter) add((p) => `submitter = ${p}`, q.submitter);
  if (q.tokens?.length) add((p) => `search @@ ${p}::tsquery`, allTokens(q.tokens));
  if (q.from !== undefined) add((p) => `created >= ${p}`, q.from);
  if (q.to !== undefined) add((p) => `created <= ${p}`, q.to);
  return cond.length ? `WHERE ${cond.join(' AND ')}` : '';
}

/** The sort, then newest (or oldest) first, then by id: a total order, so pages never overlap. */
export function orderOf(q: Pick<IndexQuery, 'sort' | 'order'>): string {
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const cols = q.sort === 'age' ? ['created', 'id'] : [SORT_COLUMNS[q.sort], 'created', 'id'];
  return `ORDER BY ${cols.map((c) => `${c} ${dir}`).join(', ')}`;
}

/** The row's columns the count keys are made from, in paper_index_keys' order. */
const KEY_COLUMNS = 'state, topics, check_result, provider, model, submitter';

/** Signed count deltas: -1 for each key of `old` (a CTE of KEY_COLUMNS), +1 for each of `next` (if any). */
function deltas(t: IndexTables, next: string | null): string {
  const added = next ? `UNION ALL SELECT k.kind, k.value, 1 FROM ${next}` : '';
  return `delta AS (
      SELECT k.kind, k.value, -1 AS d FROM old, ${t.keys}(${KEY_COLUMNS.split(', ').map((c) => `old.${c}`)}) k
      ${added}
    )
    INSERT INTO ${t.delta} (kind, value, d)
    SELECT kind, value, sum(d) FROM delta GROUP BY kind, value HAVING sum(d) <> 0`;
}

/**
 * Upsert a paper's row: $1 id, $2 submitter, $3 topics, $4 provider,
 * $5 model, $6 state, $7 created (ms), $8 tokens, $9 check, $10 grade,
 * $11 checks, $12 credibility.
 */
export function putSql(t: IndexTables): string {
  return `WITH old AS (
      SELECT ${KEY_COLUMNS} FROM ${t.index} WHERE id = $1 FOR UPDATE
    ), up AS (
      INSERT INTO ${t.index}
        (id, submitter, topics, provider, model, state, created, search, check_result, grade, checks, credibility)
      VALUES ($1, $2, $3, $4, $5, $6, $7, array_to_tsvector($8::text[]), $9, $10, $11, $12)
      ON CONFLICT (id) DO UPDATE SET
        submitter = excluded.submitter, topics = excluded.topics, provider = excluded.provider,
        model = excluded.model, state = excluded.state, created = excluded.created, search = excluded.search,
        check_result = excluded.check_result, grade = excluded.grade, checks = excluded.checks,
        credibility = excluded.credibility
    ), ${deltas(t, `${t.keys}($6::text, $3::text[], $9::text, $4::text, $5::text, $2::text) k`)}`;
}

/** Move a paper's row ($1 id) to another state ($2). */
export function setStateSql(t: IndexTables): string {
  return `WITH old AS (
      SELECT ${KEY_COLUMNS} FROM ${t.index} WHERE id = $1 FOR UPDATE
    ), up AS (
      UPDATE ${t.index} SET state = $2 WHERE id = $1
    ), ${deltas(t, `old, ${t.keys}($2::text, old.topics, old.check_result, old.provider, old.model, old.submitter) k`)}`;
}

/** Delete a paper's row ($1 id) and take it out of the counts. */
export function removeSql(t: IndexTables): string {
  return `WITH old AS (
      DELETE FROM ${t.index} WHERE id = $1 RETURNING ${KEY_COLUMNS}
    ), ${deltas(t, null)}`;
}

/**
 * Count every key again from the rows and drop the deltas, in one snapshot
 * (deltas committed after it stay, and still apply): after a rebuild.
 */
export function recountSql(t: IndexTables): string {
  return `WITH dropped AS (
      DELETE FROM ${t.delta}
    ), counted AS (
      SELECT k.kind, k.value, count(*) AS n
      FROM ${t.index} r, ${t.keys}(${KEY_COLUMNS.split(', ').map((c) => `r.${c}`)}) k GROUP BY k.kind, k.value
    )
    INSERT INTO ${t.count} AS f (kind, value, n)
    SELECT coalesce(c.kind, o.kind), coalesce(c.value, o.value), coalesce(c.n, 0)
    FROM counted c FULL JOIN ${t.count} o ON o.kind = c.kind AND o.value = c.value
    ORDER BY 1, 2
    ON CONFLICT (kind, value) DO UPDATE SET n = excluded.n`;
}
