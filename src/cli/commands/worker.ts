/** `laysum worker`: run the pipeline's workers until stopped, or until the queues are empty with --drain. */
import { type Stage, startWorkers } from '../../../workers/run.ts';
import { InputError } from '../../errors/input-error.ts';
import { createLogger } from '../../log/logger.ts';
import { checkRedisPolicy } from '../../store/redis.ts';
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

export function runWorker(o: WorkerOptions): Promise<void> {
  return withContext(async (ctx) => {
    const log = createLogger(ctx.config, { name: 'worker' });
    for (const warning of await checkRedisPolicy(ctx.redis)) log.warn(warning);
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
    if (o.drain) {
      await handle.untilIdle();
      log.info('Queues are empty: stopping.');
    } else {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      log.info(`Stopping: finishing active jobs (at most ${ctx.config.workers.shutdownTimeoutMs} ms)...`);
    }
    await handle.close();
    log.info('Workers stopped.');
  }, 'worker');
}
