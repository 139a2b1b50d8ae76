/**
 * Reading the audit stream (every paper's entries, in order): forwards from
 * an id or instant, and pages backwards from a cursor, the cursor being a
 * stream id, so the history can page back to the first entry without
 * counting from the top. And adding an entry that changes no state.
 */
import type { Redis } from 'ioredis';
import { type AuditEntry, AuditEntry as AuditEntrySchema } from '../domain/draft.ts';
import type { Keys } from './keys.ts';
import { type AuditInput, auditEntry } from './script-results.ts';

export interface StreamEntry {
  /** The stream id: `<ms>-<seq>`. */
  id: string;
  entry: AuditEntry;
}

const parse = (rows: [string, string[]][]): StreamEntry[] =>
  rows.map(([id, fields]) => ({ id, entry: AuditEntrySchema.parse(JSON.parse(fields[1] ?? '{}')) }));

/** Up to `max` entries from the id (or ms) `from` on, after it when `exclusive`, oldest first. */
export async function auditAfter(
  redis: Redis,
  stream: string,
  from: string,
  exclusive: boolean,
  max: number,
): Promise<StreamEntry[]> {
  return parse(await redis.xrange(stream, exclusive ? `(${from}` : from, '+', 'COUNT', max));
}

/**
 * Up to `count` entries, newest first, strictly older than the `before` id
 * (from the newest when null) and not older than `since` ms when given.
 */
export async function auditPage(
  redis: Redis,
  stream: string,
  opts: { before: string | null; count: number; since?: number | undefined },
): Promise<StreamEntry[]> {
  const end = opts.before ? `(${opts.before}` : '+';
  const start = opts.since !== undefined ? String(opts.since) : '-';
  return parse(await redis.xrevrange(stream, end, start, 'COUNT', opts.count));
}

/** Add an audit entry that does not change state (a take-over, a note): to the paper's trail and the log. */
export async function appendAudit(
  redis: Redis,
  keys: Keys,
  id: string,
  input: AuditInput,
  from: string | null = null,
  to: string | null = null,
): Promise<void> {
  const entry = auditEntry(id, input, from, to, new Date());
  await redis.multi().rpush(keys.audit(id), entry).xadd(keys.auditAll, '*', 'entry', entry).exec();
}
