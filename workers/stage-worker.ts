/**
 * A BullMQ worker for one pipeline stage: parse the payload on arrival, run
 * the stage, and let src/queue/failure.ts decide between retry and failed.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import { backoffDelay, handleStageError } from '../src/queue/failure.ts';
import { type JobName, type JobPayload, parsePayload } from '../src/queue/jobs.ts';
import type { Context } from '../src/runtime/context.ts';

/** The worker of one queue, typed by its job name and payload (src/queue/jobs.ts). */
export type StageWorker<N extends JobName> = Worker<JobPayload<N>, string, N>;
/** A worker of any of the pipeline's queues. */
export type PipelineWorker = { [N in JobName]: StageWorker<N> }[JobName];

type StageName = 'ingest' | 'summarize';

export function createStageWorker<N extends StageName>(
  ctx: Context,
  name: N,
  opts: { concurrency: number; backoffMs: number },
  run: (data: JobPayload<N>) => Promise<string>,
): StageWorker<N> {
  return new Worker<JobPayload<N>, string, N>(
    name,
    async (job) => {
      const parsed = parsePayload(name, job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid ${name} payload: ${parsed.error.message}`);
      const data = parsed.data;
      try {
        return await run(data);
      } catch (err) {
        throw await handleStageError(err, job, ctx, data.paperId, name);
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
