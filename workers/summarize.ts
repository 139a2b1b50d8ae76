/**
 * The summarize worker: writes draft versions with the configured summarizer
 * (src/summarize). With SUMMARIZE_CONCURRENCY unset and a limit known, its
 * concurrency follows the limit and the fleet's latency
 * (src/summarize/auto-concurrency.ts), looked at every few seconds.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../src/log/logger.ts';
import { type Context, redisOf } from '../src/runtime/context.ts';
import { createSummarizeFleet } from '../src/store/summarize-fleet.ts';
import { startAutoConcurrency } from '../src/summarize/auto-concurrency.ts';
import { summarizePaper } from '../src/summarize/stage.ts';
import type { Summarizer } from '../src/summarize/types.ts';
import { createStageWorker, type StageWorker } from './stage-worker.ts';

/** How often an auto-sized worker looks at the fleet's latency and roster. */
const SIZE_EVERY_MS = 5_000;

export function createSummarizeWorker(
  ctx: Context,
  summarizer: Summarizer,
  log: Logger,
): StageWorker<'summarize'> {
  const { config, store } = ctx;
  const setting = config.workers.summarizeConcurrency;
  const worker = createStageWorker(
    ctx,
    'summarize',
    { concurrency: setting === 'auto' ? 1 : setting, backoffMs: config.llm.backoffMs, log, pausable: true },
    ({ paperId, version }) => summarizePaper({ store, summarizer }, paperId, version),
  );
  if (setting === 'auto') autoSize(ctx, worker, log);
  return worker;
}

function autoSize(ctx: Context, worker: StageWorker<'summarize'>, log: Logger): void {
  const fleet = createSummarizeFleet(redisOf(ctx), ctx.config.redis.prefix);
  const workerId = randomUUID();
  const sizing = startAutoConcurrency({
    limits: ctx.config.llm.limits,
    readings: fleet,
    workerId,
    intervalMs: SIZE_EVERY_MS,
    apply: (s) => {
      worker.concurrency = s.perWorker;
      log.info(
        {
          concurrency: s.perWorker,
          callsPerSecond: s.callsPerSecond,
          latencyS: s.latencyS,
          workers: s.workers,
        },
        `summarize concurrency ${s.perWorker}: ${(s.callsPerSecond * 60).toFixed(0)} calls/min allowed x ${s.latencyS.toFixed(2)} s a call, shared by ${s.workers} worker(s)`,
      );
    },
    // Redis away: keep the current size; the outage is reported by the workers themselves.
    onError: () => {},
  });
  worker.once('closing', () => {
    sizing.stop();
    void fleet.leave(workerId).catch(() => {});
  });
}
