/**
 * A lease: one holder at a time across the fleet for a periodic job (the
 * in-flight sweep), a key with the holder's token and a TTL, so a holder
 * that dies frees it by itself. Renewing and giving back check the token
 * (./lua/lease.lua).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { storeCommands } from './commands.ts';

export interface Lease {
  /** Extend it by its TTL; false when it was lost (expired and taken). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/** The lease, or null while someone else holds it. */
export async function takeLease(redis: Redis, key: string, ttlMs: number): Promise<Lease | null> {
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
