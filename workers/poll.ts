/** The poll worker: runs one poll of a watch per job (scheduled or `watch run`). */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { JobPayloads } from '../src/queue/jobs.ts';
import type { Context } from '../src/runtime/context.ts';
import { createPollDeps } from '../src/runtime/sources.ts';
import { pollWatch } from '../src/watch/poll.ts';

export function createPollWorker(ctx: Context): Worker {
  const deps = createPollDeps(ctx);
  return new Worker(
    'poll',
    async (job: Job) => {
      const parsed = JobPayloads.poll.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid poll payload: ${parsed.error.message}`);
      const watch = await deps.watches.get(parsed.data.watchId);
      if (!watch) return 'watch removed'; // a scheduler outlived its watch: nothing to do
      const report = await pollWatch(deps, watch);
      return report.ok
        ? `${report.queued} new, ${report.duplicates} known, ${report.skipped} skipped`
        : `error: ${report.error}`;
    },
    { connection: ctx.redis, prefix: ctx.store.keys.bullPrefix, concurrency: 2 },
  );
}
