/**
 * A BullMQ worker for one pipeline stage: parse the payload on arrival, run
 * the stage, and let src/queue/failure.ts decide between retry and failed.
 * A job that ends without that decision (BullMQ fails a job that stalled
 * more than once, without running the processor) still leaves its paper
 * failed with the reason: the 'failed' listener settles it (src/queue/sweep.ts).
 */
import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { backoffDelay, handleStageError } from '../src/queue/failure.ts';
import { type JobName, type JobPayload, parsePayload } from '../src/queue/jobs.ts';
import { sweepPaper } from '../src/queue/sweep.ts';
import type { Context } from '../src/runtime/context.ts';
import { lockOptions, orHandBack } from './hand-back.ts';

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
  const worker = new Worker<JobPayload<N>, string, N>(
    name,
    async (job, token, signal) => {
      const parsed = parsePayload(name, job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid ${name} payload: ${parsed.error.message}`);
      const data = parsed.data;
      try {
        return await orHandBack(job, token, signal, run(data));
      } catch (err) {
        if (err instanceof WaitingError) throw err; // handed back on shutdown
        throw await handleStageError(err, job, ctx, data.paperId, name);
      }
    },
    {
      connection: ctx.redis,
      prefix: ctx.store.keys.bullPrefix,
      ...lockOptions(ctx),
      concurrency: opts.concurrency,
      settings: { backoffStrategy: backoffDelay(opts.backoffMs) },
    },
  );
  worker.on('failed', (job) => {
    if (job && isFinal(job)) void settle(ctx, job);
  });
  return worker;
}

/** Failed for good: no retry is coming (BullMQ sets finishedOn only then). */
function isFinal(job: Job): boolean {
  return job.finishedOn !== undefined;
}

async function settle(ctx: Context, job: Job): Promise<void> {
  const data: unknown = job.data;
  const paperId = typeof data === 'object' && data !== null ? Reflect.get(data, 'paperId') : undefined;
  if (typeof paperId !== 'string') return;
  // Redis may be away: the next sweep settles the paper then.
  await sweepPaper(ctx, paperId).catch(() => {});
}
