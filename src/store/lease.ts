/**
 * A lease: one holder at a time across the fleet for a periodic job (the
 * in-flight sweep), a key with the holder's token and a TTL, so a holder
 * that dies frees it by itself. Renewing and giving back check the token
 * (./lua/lease.lua). Also the sweep's first read of the papers it checks.
 */
import { randomBytes } from 'node:crypto';
import type { Papers } from '../domain/ports/papers.ts';
import { storeCommands } from './commands.ts';
import { internalsOf } from './internals.ts';
import { pgStatesAndDraftCounts } from './pg/extras.ts';
import { pgOf } from './pg/papers.ts';
import type { RedisClient } from './redis-client.ts';

export interface Lease {
  /** Extend it by its TTL; false when it was lost (expired and taken). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/** The lease, or null while someone else holds it. */
export async function takeLease(redis: RedisClient, key: string, ttlMs: number): Promise<Lease | null> {
  const token = randomBytes(8).toString('hex');
  if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
  const scripts = storeCommands(redis);
  return {
    renew: async () => (await scripts.laysumLease(key, token, ttlMs)) === 1,
    release: async () => {
      await scripts.laysumLease(key, token, 0);
    },
  };
}

/** The in-flight sweep's lease (../queue/sweep.ts), under the store's prefix. */
export function takeSweepLease(store: Papers, ttlMs: number): Promise<Lease | null> {
  const { redis, keys } = internalsOf(store);
  return takeLease(redis, keys.sweepLock, ttlMs);
}

/** Each paper's state and draft count as stored (null where absent), in one pipelined read: what the sweep checks first. */
export async function statesAndDraftCounts(
  store: Papers,
  ids: readonly string[],
): Promise<{ state: string | null; drafts: string | null }[]> {
  const pg = pgOf(store);
  if (pg) return pgStatesAndDraftCounts(pg.pool, ids);
  const { redis, keys } = internalsOf(store);
  const pipe = redis.pipeline();
  for (const id of ids) pipe.hmget(keys.paper(id), 'state', 'drafts');
  const rows = (await pipe.exec()) ?? [];
  return ids.map((_, i) => {
    const [state, drafts] = (rows[i]?.[1] ?? []) as (string | null | undefined)[];
    return { state: state ?? null, drafts: drafts ?? null };
  });
}
