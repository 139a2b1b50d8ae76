/**
 * The audit stream's catch-up (PostgreSQL records only, ./pg/outbox.ts): send
 * to the Redis audit stream the entries a write committed but could not send
 * (Redis down after the COMMIT, the process gone), oldest first. One pass at
 * a time across the fleet (a lease, ./lease.ts). The Redis store writes its
 * entries and the stream in one script: nothing to catch up.
 */
import type { Papers } from '../domain/ports/papers.ts';
import { internalsOf } from './internals.ts';
import { takeLease } from './lease.ts';
import { CATCH_UP_BATCH } from './pg/outbox.ts';
import { pgOf } from './pg/papers.ts';

/** Whether the store's audit stream needs the catch-up (its records are in PostgreSQL). */
export function hasAuditOutbox(store: Papers): boolean {
  return pgOf(store) !== null;
}

/**
 * Send what was left behind for `olderThanMs`; returns how many entries were
 * sent, or null when another process holds the lease. Throws when Redis or
 * PostgreSQL fails (the next pass tries again).
 */
export async function catchUpAuditStream(store: Papers, olderThanMs: number): Promise<number | null> {
  const pg = pgOf(store);
  if (!pg) return 0;
  const { redis, keys } = internalsOf(store);
  const lease = await takeLease(redis, keys.auditMirrorLock, Math.max(30_000, olderThanMs * 3));
  if (!lease) return null;
  try {
    let sent = 0;
    for (;;) {
      const n = await pg.writer.catchUp(olderThanMs);
      sent += n;
      if (n < CATCH_UP_BATCH || !(await lease.renew())) return sent;
    }
  } finally {
    await lease.release().catch(() => undefined);
  }
}
