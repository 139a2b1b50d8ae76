/**
 * Decisions per person and UTC day, counted by the decision scripts
 * (./lua/decision-count.lua) in the same script as the audit entry, so a
 * reader gets a day's figures from one small hash. The counts are whole only
 * for days that began after the scripts started counting: a marker holds
 * when that was (0 when the audit log was empty then, as on a new
 * deployment), and a reader falls back to the audit log for an older day.
 */
import type { Keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

const marked = new WeakMap<RedisClient, Set<string>>();

/**
 * Record, once per process and prefix, that this code counts decisions: from
 * the beginning when nothing was ever logged, otherwise from now (a day
 * already under way may hold decisions that older code did not count).
 */
export async function markDecisionCounting(redis: RedisClient, keys: Keys): Promise<void> {
  const seen = marked.get(redis) ?? new Set<string>();
  marked.set(redis, seen);
  if (seen.has(keys.prefix)) return;
  const logged = await redis.xlen(keys.auditAll);
  await redis.set(keys.decidedSince, logged === 0 ? '0' : String(Date.now()), 'NX');
  seen.add(keys.prefix);
}

/** The day's decisions per person, or null when the counts may miss some (counting began after the day did). */
export async function decisionCounts(
  redis: RedisClient,
  keys: Keys,
  day: string,
): Promise<Map<string, number> | null> {
  const results = await redis.multi().get(keys.decidedSince).hgetall(keys.decidedOn(day)).exec();
  const since = results?.[0]?.[1];
  const counts = results?.[1]?.[1];
  if (typeof since !== 'string' || Number(since) > Date.parse(`${day}T00:00:00Z`)) return null;
  const map = new Map<string, number>();
  for (const [person, n] of Object.entries((counts ?? {}) as Record<string, string>))
    map.set(person, Number(n));
  return map;
}
