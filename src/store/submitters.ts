/**
 * Who submitted what: a sorted set per person (web:, api:, cli: actors) written
 * beside each paper when it is created (./papers.ts), read by "My submissions";
 * and when a person last opened a desk view, for "changed since your last visit".
 */
import { Paper, submitterOf } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { internalsOf } from './internals.ts';
import { pgCountSubmitted, pgSubmittedIds } from './pg/extras.ts';
import { pgOf } from './pg/papers.ts';

const OriginSchema = Paper.shape.origin;

/** The papers a person submitted, newest first. */
export async function submittedBy(store: Papers, name: string, limit = 200, offset = 0): Promise<Paper[]> {
  const pg = pgOf(store);
  const { redis, keys } = internalsOf(store);
  const ids = pg
    ? await pgSubmittedIds(pg.pool, name, limit, offset)
    : await redis.zrevrange(keys.submittedBy(name), offset, offset + limit - 1);
  // A paper merged into another at ingest is followed to the one that stays.
  const papers = await Promise.all(
    ids.map(async (id) => (await store.get(id)) ?? store.get((await store.mergedInto(id)) ?? '')),
  );
  const seen = new Set<string>();
  return papers.filter((p): p is Paper => p !== null && !seen.has(p.id) && Boolean(seen.add(p.id)));
}

export function countSubmittedBy(store: Papers, name: string): Promise<number> {
  const pg = pgOf(store);
  if (pg) return pgCountSubmitted(pg.pool, name);
  const { redis, keys } = internalsOf(store);
  return redis.zcard(keys.submittedBy(name));
}

/**
 * Index the submitters of papers stored before the index existed; runs once
 * per prefix (the first "My submissions" page), a page of papers at a time.
 */
export async function indexSubmitters(store: Papers, page = 500): Promise<void> {
  // The PostgreSQL store writes each submitter with its paper from the start.
  if (pgOf(store)) return;
  const { redis, keys: k } = internalsOf(store);
  if ((await redis.set(k.submittersIndexed, new Date().toISOString(), 'NX')) !== 'OK') return;
  for (let offset = 0; ; offset += page) {
    const rows = await redis.zrange(k.papersByTime, offset, offset + page - 1, 'WITHSCORES');
    for (let i = 0; i + 1 < rows.length; i += 2) {
      const id = rows[i] ?? '';
      const doc = await redis.hget(k.paper(id), 'doc');
      const origin = doc ? OriginSchema.safeParse(JSON.parse(doc).origin) : null;
      const submitter = origin?.success ? submitterOf(origin.data.actor) : null;
      if (submitter) await redis.zadd(k.submittedBy(submitter), 'NX', rows[i + 1] ?? '0', id);
    }
    if (rows.length < page * 2) break;
  }
}

/** When `name` last opened `view` (ms since the epoch, 0 if never), and record now as the new visit. */
export async function recordVisit(
  store: Papers,
  name: string,
  view: string,
  now = Date.now(),
): Promise<number> {
  const { redis, keys } = internalsOf(store);
  const previous = await redis.getset(keys.lastSeen(name, view), String(now));
  return previous ? Number(previous) : 0;
}
