/**
 * The audit stream's outbox. Every audit row says whether it reached the
 * Redis audit stream (`mirrored`, migrations/1765000200000_audit-mirror.sql)
 * that webhooks and the desk's live pulse read. After its COMMIT a write
 * sends its rows and marks them; what it could not send (Redis down, the
 * process gone) the workers' catch-up sends later, oldest first. Each stream
 * entry carries its row's `seq` (field `audit`), so a row sent twice (sent,
 * then the mark failed) makes no second webhook delivery
 * (src/webhooks/dispatch.ts). A paper's entries reach the stream in audit
 * order: a write whose paper has an older row still unsent leaves its own to
 * the catch-up, and the catch-up passes a paper's row only with the older ones.
 */
import type { Keys } from '../keys.ts';
import type { RedisClient } from '../redis-client.ts';
import type { Pool } from './connect.ts';

/** Audit entries kept in the Redis stream for its readers (webhooks, the live pulse); the record is in PostgreSQL. */
const MIRROR_MAXLEN = 10_000;
/** Rows one catch-up pass sends at most. */
export const CATCH_UP_BATCH = 500;

export interface OutboxRow {
  seq: string;
  paperId: string;
  entry: string;
}

/** XADD the rows in one MULTI, oldest first; throws if any of them was refused. */
async function send(redis: RedisClient, keys: Keys, rows: readonly OutboxRow[]): Promise<void> {
  const multi = redis.multi();
  for (const r of rows)
    multi.xadd(keys.auditAll, 'MAXLEN', '~', MIRROR_MAXLEN, '*', 'entry', r.entry, 'audit', r.seq);
  const replies = (await multi.exec()) ?? [];
  const failed = replies.find(([err]) => err);
  if (failed?.[0] || replies.length !== rows.length)
    throw (
      failed?.[0] ?? new Error('The audit stream did not take the entries (the transaction was aborted).')
    );
}

async function mark(pool: Pool, rows: readonly OutboxRow[]): Promise<void> {
  await pool.query('UPDATE audit SET mirrored = true WHERE seq = ANY($1::bigint[])', [
    rows.map((r) => r.seq),
  ]);
}

/**
 * Right after the COMMIT: send the write's rows unless one of its papers has
 * an older row not sent yet (those go with the catch-up, in order). Never
 * throws: the change is committed, and what is not sent here the catch-up sends.
 */
export async function mirrorCommitted(
  pool: Pool,
  redis: RedisClient,
  keys: Keys,
  rows: readonly OutboxRow[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  try {
    const papers = [...new Set(rows.map((r) => r.paperId))];
    const behind = await pool.query(
      'SELECT 1 FROM audit WHERE NOT mirrored AND paper_id = ANY($1::text[]) AND seq < $2 LIMIT 1',
      [papers, first.seq],
    );
    if (behind.rowCount) return;
    await send(redis, keys, rows);
    await mark(pool, rows);
  } catch {
    // Left unmarked: the catch-up sends it (again, if only the mark failed: the stream's readers skip a repeat).
  }
}

/**
 * One catch-up pass: the rows not sent for `olderThanMs` (a write normally
 * sends its own at once), oldest first, none ahead of an older unsent row of
 * its paper. Returns how many were sent; throws if Redis or PostgreSQL fails.
 */
export async function catchUpMirror(
  pool: Pool,
  redis: RedisClient,
  keys: Keys,
  olderThanMs: number,
): Promise<number> {
  const { rows } = await pool.query<OutboxRow>(
    `SELECT a.seq::text AS "seq", a.paper_id AS "paperId", a.entry::text AS "entry" FROM audit a
      WHERE NOT a.mirrored AND a.at_ms <= $1
        AND NOT EXISTS (SELECT 1 FROM audit b
          WHERE NOT b.mirrored AND b.paper_id = a.paper_id AND b.seq < a.seq AND b.at_ms > $1)
      ORDER BY a.seq LIMIT $2`,
    [Date.now() - olderThanMs, CATCH_UP_BATCH],
  );
  if (rows.length === 0) return 0;
  await send(redis, keys, rows);
  await mark(pool, rows);
  return rows.length;
}
