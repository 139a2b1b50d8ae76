/**
 * The paper store's connection, keys and scripts, for the modules of this
 * folder that write beside it (decisions, claims, merges, traces). Only
 * src/store may import this file (a rule in .dependency-cruiser.cjs): every
 * other folder goes through the store's methods and the ports in
 * ../domain/ports/.
 */
import type { StoreRedis } from './commands.ts';
import type { Keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

export interface StoreInternals {
  readonly redis: RedisClient;
  readonly keys: Keys;
  /** The connection with the store's scripts defined (./commands.ts). */
  readonly scripts: StoreRedis;
}

const held = new WeakMap<object, StoreInternals>();

/** Called once by the store's constructor. */
export function holdInternals(store: object, internals: StoreInternals): void {
  held.set(store, internals);
}

export function internalsOf(store: object): StoreInternals {
  const found = held.get(store);
  if (!found) throw new Error('internalsOf: not a store built by src/store (no connection held for it)');
  return found;
}
