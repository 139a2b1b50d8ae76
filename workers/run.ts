/**
 * Runs the workers of one process: `laysum worker` (until SIGINT/SIGTERM) or
 * `laysum worker --drain` (until every queue is empty). Scale out by running
 * more of these processes, on any machine, against the same Redis.
 */
import { IN_FLIGHT_STATES } from '../src/domain/state.ts';
import { createLogger, type Logger } from '../src/log/logger.ts';
import { jobIdFor } from '../src/queue/jobs.ts';
import { pendingJobs } from '../src/queue/queues.ts';
import type { Context } from '../src/runtime/context.ts';
import { createSourceResolvers } from '../src/runtime/sources.ts';
import { createSummarizer } from '../src/runtime/summarizer.ts';
import { createIngestWorker } from './ingest.ts';
import { logJobs } from './job-log.ts';
import { createPollWorker } from './poll.ts';
import type { PipelineWorker, StageWorker } from './stage-worker.ts';

export type { PipelineWorker } from './stage-worker.ts';

import { createSummarizeWorker } from './summarize.ts';

export type Stage = 'ingest' | 'summarize' | 'poll';

/** Narrow a pipeline worker to its stage (a worker's name is its queue's, which is its stage). */
export function isWorkerOf<S extends Stage>(
  worker: PipelineWorker,
  stage: S,
): worker is Extract<PipelineWorker, StageWorker<S>> {
  return worker.name === stage;
}

export interface WorkerHandle {
  workers: PipelineWorker[];
  /** Resolves when all queues are empty (only meaningful with drain). */
  untilIdle(pollMs?: number): Promise<void>;
  /** Finish or hand back active jobs, bounded by the shutdown timeout. */
  close(): Promise<void>;
}

export interface StartOptions {
  stages?: readonly Stage[];
  /** Where job lines and worker errors go (default: stderr at LOG_LEVEL). */
  log?: Logger;
  /** Called for each worker as soon as it exists, before it can complete a job (progress listeners). */
  onWorker?: (worker: PipelineWorker) => void;
}

export async function startWorkers(ctx: Context, options: StartOptions = {}): Promise<WorkerHandle> {
  const stages = options.stages ?? ['ingest', 'summarize', 'poll'];
  const workers: PipelineWorker[] = [];
  if (stages.includes('ingest')) workers.push(createIngestWorker(ctx, createSourceResolvers(ctx)));
  if (stages.includes('summarize'))
    workers.push(createSummarizeWorker(ctx, createSummarizer(ctx.config, ctx.redis)));
  if (stages.includes('poll')) workers.push(createPollWorker(ctx));
  const log = options.log ?? createLogger(ctx.config, { name: 'worker' });
  for (const w of workers) {
    logJobs(w, log);
    options.onWorker?.(w);
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  await requeueInFlight(ctx);
  return {
    workers,
    untilIdle: (pollMs = 250) => untilIdle(ctx, pollMs),
    close: () => closeWorkers(workers, ctx.config.workers.shutdownTimeoutMs),
  };
}

/**
 * Papers that owe work but whose job may be gone (a crash between storing a
 * paper and queueing it) get their job again; deterministic job ids make this
 * a no-op when the job exists.
 */
async function requeueInFlight(ctx: Context): Promise<void> {
  const PAGE = 500;
  for (const state of IN_FLIGHT_STATES) {
    for (let offset = 0; ; offset += PAGE) {
      const papers = await ctx.store.list(state, PAGE, offset);
      for (const paper of papers) {
        const version = paper.draftCount + 1;
        if (state === 'summarizing') {
          const id = jobIdFor('summarize', { paperId: paper.id, version });
          if (!(await ctx.queues.summarize.getJob(id))) await ctx.enqueue.summarize(paper.id, version);
        } else if (!(await ctx.queues.ingest.getJob(jobIdFor('ingest', { paperId: paper.id })))) {
          await ctx.enqueue.ingest(paper.id);
        }
      }
      if (papers.length < PAGE) break;
    }
  }
}

async function untilIdle(ctx: Context, pollMs: number): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    quiet = (await pendingJobs(ctx.queues)) === 0 ? quiet + 1 : 0;
  }
}

async function closeWorkers(workers: PipelineWorker[], timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const closed = Promise.all(workers.map((w) => w.close())).then(() => 'closed' as const);
  const result = await Promise.race([closed, timeout]);
  clearTimeout(timer);
  // Force-closing leaves active jobs to be picked up again by another worker once their lock expires.
  if (result === 'timeout') await Promise.all(workers.map((w) => w.close(true)));
}
