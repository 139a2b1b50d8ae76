/** `laysum worker`: run the pipeline's workers until stopped, or until the queues are empty with --drain. */
import type { Job } from 'bullmq';
import { type Stage, startWorkers } from '../../../workers/run.ts';
import { InputError } from '../../errors/input-error.ts';
import { checkRedisPolicy } from '../../store/redis.ts';
import { note } from '../output.ts';
import { withContext } from '../session.ts';

export interface WorkerOptions {
  drain?: boolean;
  only?: string;
}

function stagesOf(only: string | undefined): Stage[] | undefined {
  if (!only) return undefined;
  const stages = only.split(',').map((s) => s.trim());
  const bad = stages.filter((s) => s !== 'ingest' && s !== 'summarize' && s !== 'poll');
  if (bad.length)
    throw new InputError(`Unknown stage "${bad.join(', ')}".`, {
      hint: 'Use stage names separated by commas, e.g. --only summarize or --only ingest,poll.',
    });
  return stages as Stage[];
}

export function runWorker(o: WorkerOptions): Promise<void> {
  return withContext(async (ctx) => {
    for (const warning of await checkRedisPolicy(ctx.redis)) note(`warning: ${warning}`);
    const provider =
      ctx.config.llm.provider === 'extractive'
        ? 'extractive (offline: no LLM configured)'
        : `openai-compatible, model ${ctx.config.llm.model}`;
    const subject = (job: Job | undefined) => String(job?.data.paperId ?? job?.data.watchId ?? '');
    const handle = await startWorkers(ctx, {
      ...(o.only ? { stages: stagesOf(o.only) ?? [] } : {}),
      onError: (err) => note(`worker error: ${err.message}`),
      onWorker: (w) => {
        w.on('completed', (job, result) => note(`${job.name} ${subject(job)}: ${String(result)}`));
        w.on('failed', (job, err) => {
          const retry = job && job.attemptsMade < (job.opts.attempts ?? 1) ? ' (will retry)' : '';
          note(`${job?.name ?? 'job'} ${subject(job)}: ${err.message.split('\n')[0]}${retry}`);
        });
      },
    });
    note(`LaySum workers running (prefix "${ctx.config.redis.prefix}", summarizer: ${provider}).`);
    if (o.drain) {
      await handle.untilIdle();
      note('Queues are empty: stopping.');
    } else {
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      note(`Stopping: finishing active jobs (at most ${ctx.config.workers.shutdownTimeoutMs} ms)...`);
    }
    await handle.close();
  }, 'worker');
}
