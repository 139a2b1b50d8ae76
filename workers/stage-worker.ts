/**
 * A BullMQ worker for one pipeline stage: parse the payload on arrival, run
 * the stage, and let src/queue/failure.ts decide between retry and failed.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { backoffDelay, handleStageError } from '../src/queue/failure.ts';
import { type JobPayload, JobPayloads } from '../src/queue/jobs.ts';
import type { Context } from '../src/runtime/context.ts';

type StageName = 'ingest' | 'summarize';

export function createStageWorker<N extends StageName>(
  ctx: Context,
  name: N,
  opts: { concurrency: number; backoffMs: number },
  run: (data: JobPayload<N>) => Promise<string>,
): Worker {
  return new Worker(
    name,
    async (job: Job) => {
      const parsed = JobPayloads[name].safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid ${name} payload: ${parsed.error.message}`);
      const data = parsed.data as JobPayload<N>;
      try {
        return await run(data);
      } catch (err) {
        throw await handleStageError(err, job, ctx.store, data.paperId, name);
      }
    },
    {
      connection: ctx.redis,
      prefix: ctx.store.keys.bullPrefix,
      concurrency: opts.concurrency,
      settings: { backoffStrategy: backoffDelay(opts.backoffMs) },
    },
  );
}
