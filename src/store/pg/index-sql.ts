/**
 * The SQL of the PostgreSQL search index (./search-index.ts), one statement
 * per operation: a page of the queue, its count, and putting or removing a
 * paper's row together with the facet counts it changes.
 */
import type { IndexQuery } from '../../domain/ports/search-index.ts';
import { facetValue } from '../index-entry.ts';

/** The tables of one schema. */
export interface IndexTables {
  index: string;
  facet: string;
  meta: string;
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

/**
 * Facet deltas of the row's old values (`old`, a CTE) against the new ones
 * ($2 submitter, $3 topics, $4 provider, $5 model), applied in (field, value)
 * order so concurrent writers lock the counters in the same order.
 */
function facetDeltas(t: IndexTables, withNew: boolean): string {
  const added = withNew
    ? `UNION ALL SELECT 'submitter', $2::text, 1
       UNION ALL SELECT 'topic', unnest($3::text[]), 1
       UNION ALL SELECT 'provider', $4::text, 1 WHERE $4::text IS NOT NULL
       UNION ALL SELECT 'model', $5::text, 1 WHERE $5::text IS NOT NULL`
    : '';
  return `delta (field, value, d) AS (
      SELECT 'submitter', submitter, -1 FROM old
      UNION ALL SELECT 'topic', unnest(topics), -1 FROM old
      UNION ALL SELECT 'provider', provider, -1 FROM old WHERE provider IS NOT NULL
      UNION ALL SELECT 'model', model, -1 FROM old WHERE model IS NOT NULL
      ${added}
    )
    INSERT INTO ${t.facet} AS f (field, value, n)
    SELECT field, value, sum(d) FROM delta GROUP BY field, value HAVING sum(d) <> 0 ORDER BY field, value
    ON CONFLICT (field, value) DO UPDATE SET n = f.n + excluded.n`;
}

/**
 * Upsert a paper's row: $1 id, $2 submitter, $3 topics, $4 provider,
 * $5 model, $6 state, $7 created (ms), $8 tokens, $9 check, $10 grade,
 * $11 checks, $12 credibility.
 */
export function putSql(t: IndexTables): string {
  return `WITH old AS (
      SELECT submitter, topics, provider, model FROM ${t.index} WHERE id = $1 FOR UPDATE
    ), up AS (
      INSERT INTO ${t.index}
        (id, submitter, topics, provider, model, state, created, search, check_result, grade, checks, credibility)
      VALUES ($1, $2, $3, $4, $5, $6, $7, array_to_tsvector($8::text[]), $9, $10, $11, $12)
      ON CONFLICT (id) DO UPDATE SET
        submitter = excluded.submitter, topics = excluded.topics, provider = excluded.provider,
        model = excluded.model, state = excluded.state, created = excluded.created, search = excluded.search,
        check_result = excluded.check_result, grade = excluded.grade, checks = excluded.checks,
        credibility = excluded.credibility
    ), ${facetDeltas(t, true)}`;
}

/** Delete a paper's row ($1 id) and take its values out of the facet counts. */
export function removeSql(t: IndexTables): string {
  return `WITH old AS (
      DELETE FROM ${t.index} WHERE id = $1 RETURNING submitter, topics, provider, model
    ), ${facetDeltas(t, false)}`;
}

/** Count every facet value again from the rows (after a rebuild: the counts are then exact). */
export function recountSql(t: IndexTables): string {
  return `WITH counted AS (
      SELECT 'submitter' AS field, submitter AS value, count(*)::int AS n FROM ${t.index} GROUP BY submitter
      UNION ALL SELECT 'topic', topic, count(*)::int FROM ${t.index}, unnest(topics) AS topic GROUP BY topic
      UNION ALL SELECT 'provider', provider, count(*)::int FROM ${t.index} WHERE provider IS NOT NULL GROUP BY provider
      UNION ALL SELECT 'model', model, count(*)::int FROM ${t.index} WHERE model IS NOT NULL GROUP BY model
    )
    INSERT INTO ${t.facet} AS f (field, value, n)
    SELECT coalesce(c.field, o.field), coalesce(c.value, o.value), coalesce(c.n, 0)
    FROM counted c FULL JOIN ${t.facet} o ON o.field = c.field AND o.value = c.value
    ORDER BY 1, 2
    ON CONFLICT (field, value) DO UPDATE SET n = excluded.n`;
}
