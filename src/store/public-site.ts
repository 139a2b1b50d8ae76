/**
 * The public site port (../domain/ports/public-site.ts) in Redis: what the published site's caches read besides the papers themselves: the
 * publication generation, the changes recorded with it (./lua/public-change.lua),
 * the public index (live papers scored by when their version went live) in
 * pages, and the scores of given papers, which tell a server whether the
 * version it holds is still the live one.
 */
import type {
  IndexCursor,
  PublicChange,
  PublicHead,
  PublicSite,
  Scored,
} from '../domain/ports/public-site.ts';
import type { Keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

export type { IndexCursor, PublicChange, PublicHead, Scored } from '../domain/ports/public-site.ts';

const num = (v: unknown): number => (typeof v === 'string' ? Number(v) : 0);

export class PublicSiteStore implements PublicSite {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async generation(): Promise<number> {
    return num(await this.redis.get(this.keys.publicationGeneration));
  }

  /** The generation and the newest change, read together. */
  async head(): Promise<PublicHead> {
    const res = await this.redis
      .multi()
      .get(this.keys.publicationGeneration)
      .xrevrange(this.keys.publicChanges, '+', '-', 'COUNT', 1)
      .exec();
    const last = (res?.[1]?.[1] ?? []) as [string, string[]][];
    return { generation: num(res?.[0]?.[1]), streamId: last[0]?.[0] ?? '0-0' };
  }

  /** Live paper ids by rank in the public index (oldest live first), `offset` on. */
  async ids(offset: number, count: number): Promise<string[]> {
    return this.redis.zrange(this.keys.publicIndex, offset, offset + count - 1);
  }

  /** The generation and up to `max` changes after `streamId`, read together. */
  async changesAfter(
    streamId: string,
    max: number,
  ): Promise<{ generation: number; changes: PublicChange[] }> {
    const res = await this.redis
      .multi()
      .get(this.keys.publicationGeneration)
      .xrange(this.keys.publicChanges, `(${streamId}`, '+', 'COUNT', max)
      .exec();
    const rows = (res?.[1]?.[1] ?? []) as [string, string[]][];
    const changes = rows.map(([sid, fields]) => {
      const f = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i] ?? '', fields[i + 1] ?? '');
      return { streamId: sid, generation: num(f.get('gen')), id: f.get('id') ?? '' };
    });
    return { generation: num(res?.[0]?.[1]), changes };
  }

  /**
   * Up to `count` live papers from `cursor` on, oldest first. Paging by score
   * (not rank) so a withdrawal during a long read cannot shift a paper past
   * the reader; papers that go live meanwhile come after it.
   */
  async page(cursor: IndexCursor, count: number): Promise<{ rows: Scored[]; next: IndexCursor }> {
    const flat = await this.redis.zrangebyscore(
      this.keys.publicIndex,
      Number.isFinite(cursor.score) ? cursor.score : '-inf',
      '+inf',
      'WITHSCORES',
      'LIMIT',
      cursor.seen,
      count,
    );
    const rows: Scored[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      rows.push({ id: flat[i] ?? '', liveSince: Number(flat[i + 1]) });
    return { rows, next: cursorAfter(cursor, rows) };
  }

  /** Each paper's live-since score, or null when it is not live. */
  async liveSince(ids: readonly string[]): Promise<(number | null)[]> {
    if (ids.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.publicIndex, ...ids);
    return scores.map((s) => (s === null ? null : Number(s)));
  }
}

/** Where a read of the public index goes on from after `rows` (read from `cursor` on). */
export function cursorAfter(cursor: IndexCursor, rows: readonly Scored[]): IndexCursor {
  let next = cursor;
  for (const row of rows)
    next =
      row.liveSince === next.score
        ? { score: next.score, seen: next.seen + 1 }
        : { score: row.liveSince, seen: 1 };
  return next;
}
