/**
 * What is left of a paper whose record is gone (evicted by a Redis that was
 * allowed to evict, or deleted by hand): its place in the state and time
 * indexes, and its audit entries (its own list, else the shared audit log).
 * `laysum status`, the desk and the API use it to say "known, but its record
 * is gone" instead of "no paper with that id".
 */
import { AuditEntry } from '../domain/draft.ts';
import type { Papers } from '../domain/ports/papers.ts';
import { PaperState } from '../domain/state.ts';
import { internalsOf } from './internals.ts';
import { pgLostPapers, pgTraces } from './pg/extras.ts';
import { pgOf } from './pg/papers.ts';

export interface PaperTraces {
  /** The state indexes that still list the paper. */
  states: PaperState[];
  /** Audit entries found for it, oldest first. */
  audit: AuditEntry[];
}

/** How far back the shared audit log is searched when the paper's own list is gone too. */
const AUDIT_LOG_SCAN = 10_000;

export async function paperTraces(store: Papers, id: string): Promise<PaperTraces | null> {
  const pg = pgOf(store);
  if (pg) return pgTraces(pg.pool, id);
  const { redis, keys: k } = internalsOf(store);
  const pipe = redis.pipeline();
  for (const s of PaperState.options) pipe.zscore(k.state(s), id);
  pipe.zscore(k.papersByTime, id);
  pipe.lrange(k.audit(id), 0, -1);
  const replies = (await pipe.exec()) ?? [];
  const values = replies.map(([err, value]) => (err ? null : value));
  const states = PaperState.options.filter((_, i) => values[i] !== null);
  const inTimeIndex = values[PaperState.options.length] !== null;
  const own = (values[PaperState.options.length + 1] as string[] | null) ?? [];
  let audit = own.map((line) => AuditEntry.parse(JSON.parse(line)));
  if (audit.length === 0) audit = await fromAuditLog(store, id);
  if (states.length === 0 && !inTimeIndex && audit.length === 0) return null;
  return { states, audit };
}

async function fromAuditLog(store: Papers, id: string): Promise<AuditEntry[]> {
  const { redis, keys: k } = internalsOf(store);
  const rows = await redis.xrevrange(k.auditAll, '+', '-', 'COUNT', AUDIT_LOG_SCAN);
  return rows
    .map(([, fields]) => AuditEntry.safeParse(JSON.parse(fields[1] ?? '{}')))
    .flatMap((r) => (r.success && r.data.paperId === id ? [r.data] : []))
    .reverse();
}

/** How many ids one pipelined EXISTS round checks. */
const EXISTS_BATCH = 500;

/**
 * Papers LaySum knows (the time and state indexes, the recent audit log)
 * whose record is gone (and that were not merged into another paper): what
 * an evicting Redis leaves behind. `checked` is
 * how many known ids were looked at.
 */
export async function lostPapers(store: Papers): Promise<{ checked: number; lost: string[] }> {
  const pg = pgOf(store);
  if (pg) return pgLostPapers(pg.pool);
  const { redis, keys: k } = internalsOf(store);
  const known = new Set<string>(await redis.zrange(k.papersByTime, 0, -1));
  for (const s of PaperState.options) for (const id of await redis.zrange(k.state(s), 0, -1)) known.add(id);
  const rows = await redis.xrevrange(k.auditAll, '+', '-', 'COUNT', AUDIT_LOG_SCAN);
  for (const [, fields] of rows) {
    const entry = AuditEntry.safeParse(JSON.parse(fields[1] ?? '{}'));
    if (entry.success) known.add(entry.data.paperId);
  }
  const ids = [...known];
  const lost: string[] = [];
  for (let i = 0; i < ids.length; i += EXISTS_BATCH) {
    const batch = ids.slice(i, i + EXISTS_BATCH);
    const pipe = redis.pipeline();
    // A duplicate merged at ingest has no record either, on purpose: its tombstone says so.
    for (const id of batch) pipe.exists(k.paper(id), k.merged(id));
    const replies = (await pipe.exec()) ?? [];
    batch.forEach((id, j) => {
      if (replies[j]?.[1] === 0) lost.push(id);
    });
  }
  return { checked: ids.length, lost };
}
