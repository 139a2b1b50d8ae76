/**
 * How many papers match a queue query, exactly: counted over the same WHERE
 * clause as the page, which the planner answers from the narrowest index.
 */
import type { IndexTables } from './index-sql.ts';
import type { Queryable } from './queryable.ts';

export async function countFor(
  db: Queryable,
  t: IndexTables,
  where: string,
  params: unknown[],
): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t.index} ${where}`, params);
  return Number(rows[0]?.n ?? 0);
}
