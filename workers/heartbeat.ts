/**
 * This process's heartbeat (src/store/worker-heartbeats.ts): one beat at start
 * and every WORKER_HEARTBEAT_MS, so the desk, /healthz and `laysum status` know
 * a worker runs; gone at once on a clean stop. A failed beat (Redis away) is
 * skipped: the outage is already logged, and the next beat says we are back.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Context } from '../src/runtime/context.ts';

/** How long a stopping worker waits to record that it left. */
const LEAVE_WAIT_MS = 1000;

export interface Heartbeat {
  stop(): Promise<void>;
}

export async function startHeartbeat(ctx: Context, stages: readonly string[]): Promise<Heartbeat> {
  const beats = ctx.workers;
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const worker = { id, host: hostname(), pid: process.pid, stages: [...stages] };
  const beat = () => beats.beat(worker).catch(() => {});
  await beat();
  const timer = setInterval(() => void beat(), ctx.config.workers.heartbeatMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      // Bounded: with Redis away, stopping must not wait on it (the entry then fades out by itself).
      let timeout: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, LEAVE_WAIT_MS);
      });
      await Promise.race([beats.leave(id).catch(() => {}), waited]);
      clearTimeout(timeout);
    },
  };
}
