/**
 * Duplicates found at ingest: the newcomer is removed behind a tombstone that
 * leads to the paper that stays, and the paper that stays learns what the
 * newcomer knew (its PMID, its DOI).
 */
import type { PaperRecord } from '../domain/paper.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { internalsOf } from './internals.ts';
import { DocSchema } from './paper-doc.ts';
import { pgAdopt, pgDiscard } from './pg/extras.ts';
import { pgOf } from './pg/papers.ts';
import { auditEntry } from './script-results.ts';

/**
 * Remove a paper that ingest found to be a duplicate of `intoId`, leaving a
 * tombstone so its id (and resubmissions of it) lead to the paper that stays.
 */
export async function discard(store: Papers, id: string, intoId: string): Promise<void> {
  const pg = pgOf(store);
  if (pg) return pgDiscard(pg, id, intoId);
  const { redis, keys: k } = internalsOf(store);
  const state = await redis.hget(k.paper(id), 'state');
  const entry = auditEntry(
    id,
    { actor: 'ingest', action: 'merged', note: `same paper as ${intoId}` },
    state,
    null,
    new Date(),
  );
  await redis
    .multi()
    .set(k.merged(id), intoId)
    .del(k.paper(id), k.drafts(id), k.blob(id))
    .zrem(k.papersByTime, id)
    .zrem(k.state(state ?? 'queued'), id)
    .rpush(k.audit(id), entry)
    .xadd(k.auditAll, '*', 'entry', entry)
    .exec();
  // The paper is gone: reindexing takes it out of the index.
  await store.reindex(id);
}

/**
 * What the paper that stays learns from a duplicate merged into it: the
 * identifiers its own record lacked (a pasted abstract learns its PMID and
 * DOI), and an audit entry saying which submission was merged.
 */
export async function adoptFrom(
  store: Papers,
  intoId: string,
  learned: PaperRecord['ids'],
  note: string,
): Promise<void> {
  const pg = pgOf(store);
  if (pg) return pgAdopt(pg, intoId, learned, note);
  const { redis, keys: k } = internalsOf(store);
  const raw = await redis.hget(k.paper(intoId), 'doc');
  const entry = auditEntry(intoId, { actor: 'ingest', action: 'merged', note }, null, null, new Date());
  const multi = redis.multi().rpush(k.audit(intoId), entry).xadd(k.auditAll, '*', 'entry', entry);
  if (raw) {
    const doc = DocSchema.parse(JSON.parse(raw));
    const record = doc.record;
    const missing =
      record && Object.entries(learned).some(([key, v]) => v && !record.ids[key as keyof typeof learned]);
    if (record && missing) {
      const ids = { ...learned, ...Object.fromEntries(Object.entries(record.ids).filter(([, v]) => v)) };
      multi.hset(k.paper(intoId), 'doc', JSON.stringify({ ...doc, record: { ...record, ids } }));
    }
  }
  await multi.exec();
  await store.reindex(intoId);
}
