/**
 * Worker heartbeats: every worker process records, every WORKER_HEARTBEAT_MS,
 * that it is alive and which stages it runs, so the server and the CLI can say
 * when no worker has been seen for a while (a paper submitted then only waits).
 * One hash under the prefix, a field per process; times come from Redis's own
 * clock, so a server and workers on machines whose clocks disagree still agree
 * on how long ago a worker was seen.
 */
import { z } from 'zod';
import type { RedisClient } from './redis-client.ts';

export const WorkerBeat = z.object({
  /** host:pid:random, unique per process run. */
  id: z.string(),
  host: z.string(),
  pid: z.number().int(),
  stages: z.array(z.string()),
  /** Redis time (ms) of the last beat (or of its clean stop). */
  seenAt: z.number(),
  /** It stopped cleanly: gone now, not fading out. */
  stopped: z.boolean().optional(),
});
export type WorkerBeat = z.infer<typeof WorkerBeat>;

export interface WorkerSighting {
  /** Every process seen in the last day, most recent first. */
  workers: WorkerBeat[];
  /** Redis's clock now (ms), to measure ages against. */
  now: number;
}

export interface WorkerHeartbeats {
  beat(worker: Omit<WorkerBeat, 'seenAt'>): Promise<void>;
  /** A worker that stops cleanly is gone at once instead of fading out (and is remembered as last seen now). */
  leave(id: string): Promise<void>;
  seen(): Promise<WorkerSighting>;
}

/** Processes not seen for a day are forgotten (a crashed worker never says goodbye). */
const FORGET_AFTER_MS = 86_400_000;

async function redisNow(redis: RedisClient): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

export function redisWorkerHeartbeats(redis: RedisClient, prefix: string): WorkerHeartbeats {
  const key = `${prefix}:workers`;
  return {
    async beat(worker) {
      const seenAt = await redisNow(redis);
      await redis.hset(key, worker.id, JSON.stringify({ ...worker, seenAt }));
    },
    async leave(id) {
      const raw = await redis.hget(key, id);
      const parsed = raw ? WorkerBeat.safeParse(JSON.parse(raw)) : null;
      if (!parsed?.success) return;
      const seenAt = await redisNow(redis);
      await redis.hset(key, id, JSON.stringify({ ...parsed.data, seenAt, stopped: true }));
    },
    async seen() {
      const [now, all] = await Promise.all([redisNow(redis), redis.hgetall(key)]);
      const workers: WorkerBeat[] = [];
      const stale: string[] = [];
      for (const [id, raw] of Object.entries(all)) {
        const parsed = WorkerBeat.safeParse(JSON.parse(raw));
        if (!parsed.success || now - parsed.data.seenAt > FORGET_AFTER_MS) stale.push(id);
        else workers.push(parsed.data);
      }
      if (stale.length) await redis.hdel(key, ...stale);
      workers.sort((a, b) => b.seenAt - a.seenAt);
      return { workers, now };
    },
  };
}
