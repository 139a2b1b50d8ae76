/** The poll worker: runs one poll of a watch per job (scheduled or `watch run`). */
import { UnrecoverableError, Worker } from 'bullmq';
import { type JobPayload, parsePayload } from '../src/queue/jobs.ts';
import { queuePrefix } from '../src/queue/queues.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import { createPollDeps } from '../src/runtime/sources.ts';
import { pollWatch } from '../src/watch/poll.ts';
import { handBackUntouched, lockOptions, orHandBack } from './hand-back.ts';
import type { StageWorker } from './stage-worker.ts';

export function createPollWorker(ctx: Context): StageWorker<'poll'> {
  const deps = createPollDeps(ctx);
  const worker: StageWorker<'poll'> = new Worker<JobPayload<'poll'>, string, 'poll'>(
    'poll',
    async (job, token, signal) => {
      if (worker.isPaused()) return handBackUntouched(job, token); // taken after pause: ./hand-back.ts
      const parsed = parsePayload('poll', job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid poll payload: ${parsed.error.message}`);
      const watch = await deps.watches.get(parsed.data.watchId);
      if (!watch) return 'watch removed'; // a scheduler outlived its watch: nothing to do
      if (watch.paused && !parsed.data.manual) return 'watch paused';
      const report = await orHandBack(job, token, signal, pollWatch(deps, watch));
      return report.ok
        ? `${report.queued} new, ${report.duplicates} known, ${report.skipped} skipped`
        : `error: ${report.error}`;
    },
    { connection: redisOf(ctx), prefix: queuePrefix(ctx.config), concurrency: 2, ...lockOptions(ctx) },
  );
  return worker;
}
