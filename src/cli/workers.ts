/** Which workers run, from their heartbeats (src/store/worker-heartbeats.ts), for `status` and `submit`. */
import { type WorkerPresence, workerPresence } from '../domain/worker-presence.ts';
import type { Context } from '../runtime/context.ts';
import type { WorkerBeat } from '../store/worker-heartbeats.ts';

export async function workersSeen(
  ctx: Context,
): Promise<{ presence: WorkerPresence; running: WorkerBeat[] }> {
  const { workers, now } = await ctx.workers.seen();
  const presence = workerPresence(workers, now, ctx.config.workers.heartbeatMs);
  return { presence, running: workers.filter((w) => !w.stopped).slice(0, presence.running) };
}
