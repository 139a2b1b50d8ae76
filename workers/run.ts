/**
 * Runs the workers of one process: `laysum worker` (until SIGINT/SIGTERM) or
 * `laysum worker --drain` (until every queue is empty). Scale out by running
 * more of these processes, on any machine, against the same Redis.
 */
import type { Logger } from '../src/log/logger.ts';
import { DRAIN_HORIZON_MS, jobsDueLater, pendingJobs } from '../src/queue/queues.ts';
import { type SweepReport, sweepInFlight } from '../src/queue/sweep.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import { createSourceResolvers } from '../src/runtime/sources.ts';
import { createSummarizer } from '../src/runtime/summarizer.ts';
import { startAuditCatchUp } from './audit-catch-up.ts';
import { guardEviction } from './eviction-guard.ts';
import { startHeartbeat } from './heartbeat.ts';
import { createIngestWorker } from './ingest.ts';
import { logJobs } from './job-log.ts';
import { createPollWorker } from './poll.ts';
import { watchRedis } from './redis-outage.ts';
import type { PipelineWorker, StageWorker } from './stage-worker.ts';
import { createWebhookWorker, startDispatcher } from './webhook.ts';

export type { PipelineWorker } from './stage-worker.ts';

import { createSummarizeWorker } from './summarize.ts';

export type Stage = 'ingest' | 'summarize' | 'poll' | 'webhook';

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
  /** Settle papers in flight whose job is gone or ended (src/queue/sweep.ts); also run at start and on a schedule. */
  sweep(): Promise<SweepReport>;
  /** Redis may evict (and REDIS_ALLOW_EVICTION does not accept it): the workers take no jobs. */
  readonly evicting: boolean;
  /** Finish or hand back active jobs, bounded by the shutdown timeout. */
  close(): Promise<CloseOutcome>;
}

/** How a close went: every job finished, active jobs handed back to the queue, or still closing at the timeout. */
export type CloseOutcome = 'finished' | 'handed back' | 'timed out';

export interface StartOptions {
  stages?: readonly Stage[];
  /** Where job lines and worker errors go: the process's one logger, made where the process starts. */
  log: Logger;
  /** Called for each worker as soon as it exists, before it can complete a job (progress listeners). */
  onWorker?: (worker: PipelineWorker) => void;
}

export async function startWorkers(ctx: Context, options: StartOptions): Promise<WorkerHandle> {
  const stages = options.stages ?? ['ingest', 'summarize', 'poll', 'webhook'];
  const workers: PipelineWorker[] = [];
  const { log } = options;
  if (stages.includes('ingest')) workers.push(createIngestWorker(ctx, createSourceResolvers(ctx), log));
  if (stages.includes('summarize'))
    workers.push(createSummarizeWorker(ctx, createSummarizer(ctx.config, redisOf(ctx), log), log));
  if (stages.includes('poll')) workers.push(createPollWorker(ctx));
  if (stages.includes('webhook')) workers.push(createWebhookWorker(ctx));
  for (const w of workers) {
    logJobs(w, log);
    options.onWorker?.(w);
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const outage = watchRedis(ctx, log);
  for (const w of workers) w.on('error', (err) => outage.error(w.name, err));
  // The queues this process adds jobs with: without a listener BullMQ prints each error raw.
  for (const q of Object.values(ctx.queues))
    q.on('error', (err: Error) => outage.error(`${q.name} queue`, err));
  const eviction = await guardEviction(ctx, workers, log);
  const sweep = async () => {
    // Queuing again what an evicting Redis may drop at once would only hide the loss.
    if (eviction.evicting && !ctx.config.redis.allowEviction) return null;
    try {
      const r = await sweepInFlight(ctx);
      if (r.requeued.length || r.failed.length)
        log.warn(
          { requeued: r.requeued, failed: r.failed },
          `sweep: ${r.requeued.length} paper(s) in flight had no job and were queued again, ${r.failed.length} whose job had ended were marked failed`,
        );
      return r;
    } catch (err) {
      outage.error('sweep', err instanceof Error ? err : new Error(String(err)));
      return null;
    }
  };
  await sweep();
  const dispatcher = stages.includes('webhook') ? await startDispatcher(ctx, outage) : null;
  const timer = setInterval(() => void sweep(), ctx.config.workers.sweepIntervalMs);
  timer.unref();
  const catchUp = startAuditCatchUp(ctx, outage, log);
  const heartbeat = await startHeartbeat(
    ctx,
    workers.map((w) => w.name),
  );
  return {
    workers,
    // A paused (evicting) fleet would never become idle: a drain stops there and says why.
    untilIdle: (pollMs = 250) =>
      untilIdle(ctx, pollMs, () => eviction.evicting && !ctx.config.redis.allowEviction),
    sweep: async () => (await sweep()) ?? { checked: 0, requeued: [], failed: [] },
    get evicting() {
      return eviction.evicting && !ctx.config.redis.allowEviction;
    },
    close: async () => {
      clearInterval(timer);
      eviction.stop();
      await catchUp?.stop();
      await dispatcher?.close();
      const outcome = await closeWorkers(workers, ctx.config.workers.shutdownTimeoutMs);
      await heartbeat.stop();
      return outcome;
    },
  };
}

/** Until nothing is left to do now: jobs due beyond DRAIN_HORIZON_MS (a long Retry-After) do not count. */
async function untilIdle(ctx: Context, pollMs: number, stopped: () => boolean): Promise<void> {
  let quiet = 0;
  while (quiet < 2 && !stopped()) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const later = (await jobsDueLater(ctx.queues, DRAIN_HORIZON_MS)).length;
    quiet = (await pendingJobs(ctx.queues)) - later <= 0 ? quiet + 1 : 0;
  }
}

/**
 * Stop within the timeout: let active jobs finish for most of it, then hand
 * them back to the queue (workers/hand-back.ts) so another worker takes them
 * at once. What is still open at the end (Redis away) is left to the lock's
 * expiry; the CLI exits at the timeout whatever happens (src/cli/commands/worker.ts).
 */
async function closeWorkers(workers: PipelineWorker[], timeoutMs: number): Promise<CloseOutcome> {
  const handBackMs = Math.min(2000, Math.round(timeoutMs / 2));
  const closed = Promise.all(workers.map((w) => w.close())).then(() => true);
  if (await within(closed, timeoutMs - handBackMs)) return 'finished';
  for (const w of workers) w.cancelAllJobs('the worker is shutting down');
  return (await within(closed, handBackMs - 100)) ? 'handed back' : 'timed out';
}

async function within(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  const result = await Promise.race([p, timeout]);
  clearTimeout(timer);
  return result;
}
