/** `laysum worker`: run the pipeline's workers until stopped, or until the queues are empty with --drain. */
import { type Stage, startWorkers, type WorkerHandle } from '../../../workers/run.ts';
import { IN_FLIGHT_STATES } from '../../domain/state.ts';
import { InputError } from '../../errors/input-error.ts';
import { createLogger } from '../../log/logger.ts';
import { DRAIN_HORIZON_MS, jobsDueLater, type LaterJob } from '../../queue/queues.ts';
import type { Context } from '../../runtime/context.ts';
import { withContext } from '../session.ts';

export interface WorkerOptions {
  drain?: boolean;
  only?: string;
}

function stagesOf(only: string | undefined): Stage[] | undefined {
  if (!only) return undefined;
  const stages = only.split(',').map((s) => s.trim());
  const bad = stages.filter((s) => !['ingest', 'summarize', 'poll', 'webhook'].includes(s));
  if (bad.length)
    throw new InputError(`Unknown stage "${bad.join(', ')}".`, {
      hint: 'Use stage names separated by commas, e.g. --only summarize or --only ingest,poll.',
    });
  return stages as Stage[];
}

/**
 * Work until every queue is empty, then sweep: a paper in flight whose job
 * ended or vanished is failed with the reason or queued again (then drained
 * too). Resolves with the papers still in flight after that (should be none).
 */
async function drain(ctx: Context, handle: WorkerHandle): Promise<{ stuck: number; later: LaterJob[] }> {
  for (let round = 0; round < 5; round++) {
    await handle.untilIdle();
    const swept = await handle.sweep();
    if (swept.requeued.length === 0) break;
  }
  const later = await jobsDueLater(ctx.queues, DRAIN_HORIZON_MS);
  // A paper whose job waits for later is in flight, but not stuck.
  const waiting = new Set(later.map((j) => j.paperId));
  let stuck = 0;
  for (const state of IN_FLIGHT_STATES)
    for (const id of await ctx.store.ids(state, 100_000)) if (!waiting.has(id)) stuck++;
  return { stuck, later };
}

/** Exit code of `worker --drain` when all that can be done now is done and some jobs wait for later. */
export const DRAIN_LATER_EXIT_CODE = 3;

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function laterSummary(later: LaterJob[]): string {
  const shown = later
    .slice(0, 10)
    .map(
      (j) =>
        `${j.stage} of ${j.paperId ?? '?'} at ${utc(j.dueAt)} (in ${Math.ceil((j.dueAt - Date.now()) / 60_000)} min)`,
    );
  const more = later.length > 10 ? `, and ${later.length - 10} more` : '';
  const last = later.at(-1)?.dueAt ?? Date.now();
  return `Drained what can be done now; ${later.length} job(s) wait for later (a source's Retry-After or a long backoff): ${shown.join('; ')}${more}. Run \`laysum worker --drain\` again after ${utc(last)}, or keep \`laysum worker\` running.`;
}

export function runWorker(o: WorkerOptions): Promise<void> {
  return withContext(async (ctx) => {
    const log = createLogger(ctx.config, { name: 'worker' });
    for (const warning of await ctx.fleet.policyWarnings()) log.warn(warning);
    const provider =
      ctx.config.llm.provider === 'extractive'
        ? 'extractive (offline: no LLM configured)'
        : `openai-compatible, model ${ctx.config.llm.model}`;
    const handle = await startWorkers(ctx, {
      ...(o.only ? { stages: stagesOf(o.only) ?? [] } : {}),
      log,
    });
    log.info(
      {
        prefix: ctx.config.redis.prefix,
        summarizer: provider,
        stages: handle.workers.map((w) => w.name),
      },
      `LaySum workers running (prefix "${ctx.config.redis.prefix}", summarizer: ${provider}).`,
    );
    const timeoutMs = ctx.config.workers.shutdownTimeoutMs;
    const stop = new Promise<'signal'>((resolve) => {
      process.once('SIGINT', () => resolve('signal'));
      process.once('SIGTERM', () => resolve('signal'));
    });
    const why = o.drain ? await Promise.race([drain(ctx, handle), stop]) : await stop;
    if (why === 'signal') {
      log.info(`Stopping: finishing active jobs (at most ${timeoutMs} ms, then they are handed back)...`);
      // The timeout holds even if a stage ignores the hand-back or Redis is away.
      setTimeout(() => {
        log.warn(`Stopped at SHUTDOWN_TIMEOUT_MS (${timeoutMs} ms): unfinished jobs go back to the queue.`);
        process.exit(process.exitCode ?? 0);
      }, timeoutMs).unref();
    } else if (handle.evicting) {
      log.error(
        'Stopped draining: Redis may evict (see the error above), so no job is taken until its maxmemory-policy is "noeviction". Run `laysum worker --drain` again then.',
      );
      process.exitCode = 1;
    } else if (why.later.length > 0 && why.stuck === 0) {
      log.warn({ later: why.later }, laterSummary(why.later));
      process.exitCode = DRAIN_LATER_EXIT_CODE;
    } else if (why.stuck > 0) {
      log.error(
        `Queues are empty but ${why.stuck} paper(s) are still in flight with no job: see \`laysum status\`.`,
      );
      process.exitCode = 1;
    } else log.info('Queues are empty: stopping.');
    const outcome = await handle.close();
    log.info(outcome === 'finished' ? 'Workers stopped.' : `Workers stopped (active jobs ${outcome}).`);
    // An abandoned attempt (an LLM call, a source's answer) must not keep the process alive.
    if (outcome !== 'finished') setTimeout(() => process.exit(process.exitCode ?? 0), 50).unref();
  }, 'worker');
}
