/**
 * The public site port in PostgreSQL: the generation is a one-row counter
 * bumped by each publish or withdrawal, which also adds its row to
 * `public_changes` in the same transaction; a change's stream id is
 * `<generation>-0`, and the public
 * index is the papers whose `live_ms` is set, in (live_ms, id) order.
 */
import type {
  IndexCursor,
  PublicChange,
  PublicHead,
  PublicSite,
  Scored,
} from '../../domain/ports/public-site.ts';
import { cursorAfter } from '../public-site.ts';
import type { Pool } from './connect.ts';

const generationOf = (streamId: string): number => Number(streamId.split('-')[0]) || 0;

export class PgPublicSite implements PublicSite {
  constructor(private readonly pool: Pool) {}

  async generation(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT n FROM public_generation');
    return Number(rows[0]?.n ?? 0);
  }

  async head(): Promise<PublicHead> {
    const { rows } = await this.pool.query<{ n: string; last: string | null }>(
      'SELECT n, (SELECT max(generation) FROM public_changes) AS last FROM public_generation',
    );
    return { generation: Number(rows[0]?.n ?? 0), streamId: rows[0]?.last ? `${rows[0].last}-0` : '0-0' };
  }

  async ids(offset: number, count: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM papers WHERE live_ms IS NOT NULL ORDER BY live_ms, id LIMIT $1 OFFSET $2',
      [count, offset],
    );
    return rows.map((r) => r.id);
  }

  async changesAfter(
    streamId: string,
    max: number,
  ): Promise<{ generation: number; changes: PublicChange[] }> {
    // One statement: the generation and the changes from the same snapshot.
    const { rows } = await this.pool.query<{
      generation: string;
      paper_id: string | null;
      top: string | null;
    }>(
      `SELECT c.generation, c.paper_id, (SELECT n FROM public_generation) AS top
       FROM (SELECT 1) one LEFT JOIN LATERAL (
         SELECT generation, paper_id FROM public_changes WHERE generation > $1 ORDER BY generation LIMIT $2
       ) c ON true`,
      [generationOf(streamId), max],
    );
    const changes = rows
      .filter((r) => r.paper_id !== null)
      .map((r) => ({
        streamId: `${r.generation}-0`,
        generation: Number(r.generation),
        id: r.paper_id ?? '',
      }));
    return { generation: Number(rows[0]?.top ?? 0), changes };
  }

  async page(cursor: IndexCursor, count: number): Promise<{ rows: Scored[]; next: IndexCursor }> {
    const { rows: found } = await this.pool.query<{ id: string; live_ms: string }>(
      `SELECT id, live_ms FROM papers WHERE live_ms IS NOT NULL AND live_ms >= $1
       ORDER BY live_ms, id LIMIT $2 OFFSET $3`,
      [Number.isFinite(cursor.score) ? cursor.score : -1, count, cursor.seen],
    );
    const rows = found.map((r) => ({ id: r.id, liveSince: Number(r.live_ms) }));
    return { rows, next: cursorAfter(cursor, rows) };
  }

  async liveSince(ids: readonly string[]): Promise<(number | null)[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string; live_ms: string }>(
      'SELECT id, live_ms FROM papers WHERE id = ANY($1) AND live_ms IS NOT NULL',
      [ids],
    );
    const by = new Map(rows.map((r) => [r.id, Number(r.live_ms)]));
    return ids.map((id) => by.get(id) ?? null);
  }
}
