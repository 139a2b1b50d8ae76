/** The ingest worker: resolves submissions into paper records (src/ingest). */
import { ingestPaper } from '../src/ingest/ingest.ts';
import type { Resolvers } from '../src/ingest/resolvers.ts';
import type { Logger } from '../src/log/logger.ts';
import type { Context } from '../src/runtime/context.ts';
import { createStageWorker, type StageWorker } from './stage-worker.ts';

export function createIngestWorker(ctx: Context, resolvers: Resolvers, log: Logger): StageWorker<'ingest'> {
  const deps = { store: ctx.store, enqueue: ctx.enqueue, resolvers, config: ctx.config };
  return createStageWorker(
    ctx,
    'ingest',
    { concurrency: ctx.config.workers.ingestConcurrency, backoffMs: 1000, log },
    ({ paperId }) => ingestPaper(deps, paperId),
  );
}
