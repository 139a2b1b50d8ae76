/** The summarize worker: writes draft versions with the configured summarizer (src/summarize). */
import type { Context } from '../src/runtime/context.ts';
import { summarizePaper } from '../src/summarize/stage.ts';
import type { Summarizer } from '../src/summarize/types.ts';
import { createStageWorker, type StageWorker } from './stage-worker.ts';

export function createSummarizeWorker(ctx: Context, summarizer: Summarizer): StageWorker<'summarize'> {
  const { config, store } = ctx;
  return createStageWorker(
    ctx,
    'summarize',
    { concurrency: config.workers.summarizeConcurrency, backoffMs: config.llm.backoffMs, pausable: true },
    ({ paperId, version }) => summarizePaper({ store, summarizer }, paperId, version),
  );
}
