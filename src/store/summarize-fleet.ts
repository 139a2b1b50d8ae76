/**
 * What a summarize worker sizing its concurrency reads from Redis
 * (src/summarize/auto-concurrency.ts): the fleet's LLM calls so far, their
 * summed latency and tokens (the ledger's lifetime figures), and a roster of
 * live summarize workers, each a member of one sorted set scored by when it
 * last said it was alive; members silent for their TTL are dropped.
 */
import { keys } from './keys.ts';
import { sumFigures, UsageLedger } from './llm-usage.ts';
import type { RedisClient } from './redis-client.ts';

export function createSummarizeFleet(redis: RedisClient, prefix: string) {
  const ledger = new UsageLedger(redis, prefix);
  const roster = keys(prefix).llm('summarize-workers');
  return {
    async totals() {
      const [rows, latency] = await Promise.all([ledger.lifetime(), ledger.histogram('llm_latency')]);
      return {
        calls: Number(latency['llm|count'] ?? 0),
        latencySum: Number(latency['llm|sum'] ?? 0),
        tokens: sumFigures(rows).total_tokens,
      };
    },
    async heartbeat(workerId: string, ttlMs: number) {
      const now = Date.now();
      const replies = await redis
        .multi()
        .zadd(roster, now, workerId)
        .zremrangebyscore(roster, '-inf', now - ttlMs)
        .pexpire(roster, ttlMs)
        .zcard(roster)
        .exec();
      const count = replies?.[3]?.[1];
      return typeof count === 'number' ? count : 1;
    },
    /** A worker that stops leaves the roster at once, so the others take its share. */
    async leave(workerId: string) {
      await redis.zrem(roster, workerId);
    },
  };
}
