/**
 * A stand-in for the desk's PostgreSQL search index until
 * ./search-index.ts (PgSearchIndex, its own migration and tsvector/GIN
 * index) is merged: it answers state filters and the age sort straight from
 * the `papers` table and writes nothing. Replace it in ./open-index.ts.
 */
import type { Facet, IndexQuery } from '../../domain/ports/search-index.ts';
import type { Queryable } from './queryable.ts';
import type { RecordIndex } from './record-index.ts';

export class InterimIndex implements RecordIndex {
  constructor(private readonly db: Queryable) {}

  async put(): Promise<void> {}
  async setState(): Promise<void> {}
  async remove(): Promise<void> {}

  async query(q: IndexQuery): Promise<{ total: number; ids: string[] }> {
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const where = q.state ? 'WHERE state = $1' : 'WHERE $1::text IS NULL';
    const [page, count] = await Promise.all([
      this.db.query<{ id: string }>(
        `SELECT id FROM papers ${where} ORDER BY created_ms ${order}, id ${order} LIMIT $2 OFFSET $3`,
        [q.state ?? null, Math.max(0, q.limit), Math.max(0, q.offset)],
      ),
      this.db.query<{ n: string }>(`SELECT count(*) AS n FROM papers ${where}`, [q.state ?? null]),
    ]);
    return { total: Number(count.rows[0]?.n ?? 0), ids: page.rows.map((r) => r.id) };
  }

  async facet(_field: Facet): Promise<string[]> {
    return [];
  }

  async isBuilt(): Promise<boolean> {
    return true;
  }

  async markBuilt(): Promise<void> {}
}
