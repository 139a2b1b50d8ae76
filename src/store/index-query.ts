/**
 * One page of the review queue from the Redis index, in bounded steps so no
 * single Redis command runs long at any size (Redis serves the workers and the
 * public site too). A state and a sort are one sorted set kept by the scripts
 * (`st:<state>/<sort>`, ./lua/index-apply.lua), so the common views are one
 * ZRANGE by rank and a ZCARD. Other filters either start from their smallest
 * set when it is small (read in SSCAN steps, sorted here) or walk the sorted
 * set in chunks, testing each chunk's membership with SMISMEMBER / ZMSCORE,
 * until the page is full; the total is exact when the walk reaches the end
 * within a budget, else estimated from what it saw (`approximate`).
 */
import type { IndexPage, IndexQuery } from '../domain/ports/search-index.ts';
import type { StoreRedis } from './commands.ts';
import { facetValue } from './index-entry.ts';
import type { Keys } from './keys.ts';

/** How far one query may go; tests make them small to see every path at a few papers. */
export interface QueryLimits {
  /** Elements one command reads at most: a chunk of the walk, an SSCAN step, a membership test. */
  chunk: number;
  /** A filter set up to this size may be read whole (in chunks) instead of walking the sort. */
  smallSet: number;
  /** Chunks the walk reads beyond the page to count the total before estimating it. */
  countChunks: number;
}

export const QUERY_LIMITS: QueryLimits = { chunk: 500, smallSet: 20_000, countChunks: 20 };

/** The sorted set a query walks, and the rank range of its matches in the walking order. */
interface Drive {
  key: string;
  rev: boolean;
  start: number;
  end: number;
}

/** A sorted set's members by rank [start, stop] (inclusive), in the walking order. */
function ranks(redis: StoreRedis, d: Drive, start: number, stop: number): Promise<string[]> {
  return d.rev ? redis.zrange(d.key, start, stop, 'REV') : redis.zrange(d.key, start, stop);
}

export class IndexQueryRunner {
  constructor(
    private readonly redis: StoreRedis,
    private readonly keys: Keys,
    private readonly limits: QueryLimits = QUERY_LIMITS,
  ) {}

  async run(q: IndexQuery): Promise<IndexPage> {
    const sets = this.filterSets(q);
    const drive = await this.drive(q);
    const ranged = q.sort !== 'age' && (q.from !== undefined || q.to !== undefined);
    if (sets.length === 0 && !ranged) {
      const total = drive.end - drive.start;
      const first = drive.start + q.offset;
      const last = Math.min(drive.end, first + q.limit) - 1;
      const ids = last >= first ? await ranks(this.redis, drive, first, last) : [];
      return { ids, total };
    }
    const sizes = await Promise.all(sets.map((s) => this.redis.scard(s)));
    // A date range on another sort is a candidate set too: the papers created in it, by rank.
    const dated = ranged ? await this.drive({ ...q, state: undefined, sort: 'age', order: 'asc' }) : null;
    const smallest = Math.min(...sizes, dated ? dated.end - dated.start : Number.POSITIVE_INFINITY);
    if (smallest === 0) return { ids: [], total: 0 };
    const range = drive.end - drive.start;
    // What the walk would read if matches were as dense as the smallest set allows, against reading that set.
    const { chunk, countChunks, smallSet } = this.limits;
    const walked = Math.min(range, ((q.offset + q.limit) * range) / smallest + countChunks * chunk);
    if (smallest <= smallSet && smallest < walked) {
      const small = sets[sizes.indexOf(smallest)];
      if (small)
        return this.fromSet(
          q,
          await this.members(small),
          sets.filter((s) => s !== small),
          drive,
        );
      if (dated) return this.fromSet(q, await this.inRanks(dated), sets, drive);
    }
    // One filter over every paper (no state, no dates): its set's size is the total.
    const whole = sets.length === 1 && !q.state && q.from === undefined && q.to === undefined;
    return this.walk(q, sets, drive, ranged, whole ? smallest : null, smallest);
  }

  /** The plain sets every match must be in: topic, check, provider, model, submitter, words. */
  private filterSets(q: IndexQuery): string[] {
    const ix = (part: string) => this.keys.index(part);
    return [
      q.topic ? ix(`topic:${facetValue(q.topic)}`) : null,
      q.check ? ix(`check:${q.check}`) : null,
      q.provider ? ix(`provider:${q.provider}`) : null,
      q.model ? ix(`model:${q.model}`) : null,
      q.submitter ? ix(`submitter:${q.submitter}`) : null,
      ...[...new Set(q.tokens ?? [])].map((t) => ix(`tok:${t}`)),
    ].filter((f): f is string => f !== null);
  }

  /** The state's (or every paper's) sorted set for the sort; an age sort narrows to the date range by rank. */
  private async drive(q: IndexQuery): Promise<Drive> {
    const k = this.keys;
    const key = q.state
      ? k.index(`st:${q.state}/${q.sort}`)
      : q.sort === 'age'
        ? k.papersByTime
        : k.index(`sort:${q.sort}`);
    const rev = q.order === 'desc';
    if (q.sort !== 'age' || (q.from === undefined && q.to === undefined)) {
      return { key, rev, start: 0, end: await this.redis.zcard(key) };
    }
    const from = q.from ?? '-inf';
    const to = q.to ?? '+inf';
    const [before, inside] = await Promise.all([
      rev ? this.redis.zcount(key, `(${to}`, '+inf') : this.redis.zcount(key, '-inf', `(${from}`),
      this.redis.zcount(key, from, to),
    ]);
    return { key, rev, start: before, end: before + inside };
  }

  /** Which of `ids` pass every filter set and (for a sort other than age) the date range. */
  private async keep(q: IndexQuery, ids: string[], sets: string[], ranged: boolean): Promise<string[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const s of sets) pipe.smismember(s, ...ids);
    if (ranged) pipe.zmscore(this.keys.papersByTime, ...ids);
    const replies = (await pipe.exec()) ?? [];
    const answers = replies.map(([err, reply]) => {
      if (err) throw err;
      return reply as (number | string | null)[];
    });
    const dates = ranged ? answers.pop() : undefined;
    const from = q.from ?? Number.NEGATIVE_INFINITY;
    const to = q.to ?? Number.POSITIVE_INFINITY;
    return ids.filter((_, i) => {
      if (!answers.every((a) => a[i] === 1)) return false;
      if (!dates) return true;
      const at = dates[i];
      return at !== null && at !== undefined && Number(at) >= from && Number(at) <= to;
    });
  }

  /** Walk the driving set in chunks until the page is full, then a little further for the total. */
  private async walk(
    q: IndexQuery,
    sets: string[],
    d: Drive,
    ranged: boolean,
    counted: number | null,
    atMost: number,
  ): Promise<IndexPage> {
    const { chunk: size, countChunks } = this.limits;
    const want = q.offset + q.limit;
    const ids: string[] = [];
    let matched = 0;
    let pos = d.start;
    let extra = 0;
    const enough = counted === null ? countChunks : 0;
    while (pos < d.end && (matched < want || extra < enough)) {
      if (matched >= want) extra += 1;
      const chunk = await ranks(this.redis, d, pos, Math.min(d.end, pos + size) - 1);
      pos += chunk.length;
      const hits = await this.keep(q, chunk, sets, ranged);
      for (const id of hits) {
        if (matched >= q.offset && matched < want) ids.push(id);
        matched += 1;
      }
      if (chunk.length === 0) break;
    }
    if (pos >= d.end) return { ids, total: matched };
    if (counted !== null) return { ids, total: counted };
    // The sort order may favour or shun the filters (a topic's papers grade alike): the smallest set bounds the guess.
    const guess = Math.round((matched / (pos - d.start)) * (d.end - d.start));
    return { ids, total: Math.max(matched, Math.min(guess, atMost)), approximate: true };
  }

  /** A set's members, read in SSCAN steps. */
  private async members(key: string): Promise<string[]> {
    const members = new Set<string>();
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.sscan(key, cursor, 'COUNT', this.limits.chunk);
      for (const id of batch) members.add(id);
      cursor = next;
    } while (cursor !== '0');
    return [...members];
  }

  /** A sorted set's members within a rank range, read a chunk at a time. */
  private async inRanks(d: Drive): Promise<string[]> {
    const all: string[] = [];
    for (let pos = d.start; pos < d.end; pos += this.limits.chunk)
      all.push(...(await ranks(this.redis, d, pos, Math.min(d.end, pos + this.limits.chunk) - 1)));
    return all;
  }

  /** Start from a small candidate set: keep what passes the other filters, order it as the sort does. */
  private async fromSet(q: IndexQuery, all: string[], others: string[], d: Drive): Promise<IndexPage> {
    const ranged = q.sort !== 'age' && (q.from !== undefined || q.to !== undefined);
    const scored: [id: string, score: number][] = [];
    const { chunk } = this.limits;
    for (let i = 0; i < all.length; i += chunk) {
      const kept = await this.keep(q, all.slice(i, i + chunk), others, ranged);
      if (kept.length === 0) continue;
      const scores = await this.redis.zmscore(d.key, ...kept);
      kept.forEach((id, j) => {
        const s = scores[j];
        if (s !== null && s !== undefined) scored.push([id, Number(s)]);
      });
    }
    const inRange = ageRange(q, scored);
    const sign = d.rev ? -1 : 1;
    inRange.sort((a, b) => sign * (a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    return {
      ids: inRange.slice(q.offset, q.offset + q.limit).map(([id]) => id),
      total: inRange.length,
    };
  }
}

/** An age sort's date range, on the scores read (the driving set's scores are creation times). */
function ageRange(q: IndexQuery, scored: [string, number][]): [string, number][] {
  if (q.sort !== 'age' || (q.from === undefined && q.to === undefined)) return scored;
  const from = q.from ?? Number.NEGATIVE_INFINITY;
  const to = q.to ?? Number.POSITIVE_INFINITY;
  return scored.filter(([, at]) => at >= from && at <= to);
}
