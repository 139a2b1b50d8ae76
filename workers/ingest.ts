/** The ingest worker: parses its payload and runs the ingest stage. */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { ingestPaper } from '../src/ingest/ingest.ts';
import type { Resolvers } from '../src/ingest/resolvers.ts';
import { JobPayloads } from '../src/queue/jobs.ts';
import { backoffDelay, handleStageError } from '../src/queue/failure.ts';
import type { Context } from '../src/runtime/context.ts';

export function createIngestWorker(ctx: Context, resolvers: Resolvers): Worker {
  const { config, store } = ctx;
  return new Worker(
    'ingest',
    async (job: Job) => {
      const parsed = JobPayloads.ingest.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid ingest payload: ${parsed.error.message}`);
      const { paperId } = parsed.data;
      try {
        return await ingestPaper({ store, enqueue: ctx.enqueue, resolvers, config }, paperId);
      } catch (err) {
        throw await handleStageError(err, job, store, paperId, 'ingest');
      }
    },
    {
      connection: ctx.redis,
      prefix: ctx.store.keys.bullPrefix,
      concurrency: config.workers.ingestConcurrency,
      settings: { backoffStrategy: backoffDelay(1000) },
    },
  );
}
