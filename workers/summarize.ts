/** The summarize worker: parses its payload and runs the summarize stage. */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { JobPayloads } from '../src/queue/jobs.ts';
import { backoffDelay, handleStageError } from '../src/queue/failure.ts';
import type { Context } from '../src/runtime/context.ts';
import { summarizePaper } from '../src/summarize/stage.ts';
import type { Summarizer } from '../src/summarize/types.ts';

export function createSummarizeWorker(ctx: Context, summarizer: Summarizer): Worker {
  const { config, store } = ctx;
  return new Worker(
    'summarize',
    async (job: Job) => {
      const parsed = JobPayloads.summarize.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid summarize payload: ${parsed.error.message}`);
      const { paperId, version } = parsed.data;
      try {
        return await summarizePaper({ store, summarizer }, paperId, version);
      } catch (err) {
        throw await handleStageError(err, job, store, paperId, 'summarize');
      }
    },
    {
      connection: ctx.redis,
      prefix: ctx.store.keys.bullPrefix,
      concurrency: config.workers.summarizeConcurrency,
      settings: { backoffStrategy: backoffDelay(config.llm.backoffMs) },
    },
  );
}
