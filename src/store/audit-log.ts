/**
 * Reading the audit stream (every paper's entries, in order): forwards from
 * an id or instant, and pages backwards from a cursor, the cursor being a
 * stream id, so the history can page back to the first entry without
 * counting from the top.
 */
import type { Redis } from 'ioredis';
import { type AuditEntry, AuditEntry as AuditEntrySchema } from '../domain/draft.ts';

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
