/**
 * A paused stage worker (Redis evicting: workers/eviction-guard.ts) works on
 * nothing, even a job its blocking wait, already in flight when it was paused,
 * takes afterwards (BullMQ 6 moves that job to active anyway): the job goes
 * back to waiting untouched, and runs once the worker resumes.
 */
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { type Context, createContext } from '../../src/runtime/context.ts';
import { createStageWorker, type StageWorker } from '../../workers/stage-worker.ts';
import { removeTestKeys, testConfig } from '../support/harness.ts';

let ctx: Context | undefined;
let worker: StageWorker<'ingest'> | undefined;

afterEach(async () => {
  await worker?.close(true);
  if (ctx) {
    await ctx.close();
    await removeTestKeys(ctx.config.redis.prefix);
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('hands back untouched a job taken after pause, and runs it on resume', async () => {
  ctx = await createContext(testConfig(), 'worker');
  const ran: string[] = [];
  const log = createLogger(ctx.config, { name: 'worker' });
  worker = createStageWorker(ctx, 'ingest', { concurrency: 1, backoffMs: 1000, log }, async ({ paperId }) => {
    ran.push(paperId);
    return 'ingested';
  });
  await worker.waitUntilReady();
  // Idle: the worker now blocks (drainDelay, 5 s) waiting for a job; pause while that wait is in flight.
  await sleep(500);
  await worker.pause(true);
  await ctx.enqueue.ingest('paper-while-paused');

  const job = await ctx.queues.ingest.getJob('ingest-paper-while-paused');
  expect(job).toBeDefined();
  // Longer than the blocking wait the pause left in flight.
  await sleep(7000);
  expect(ran).toEqual([]);
  expect(await job?.getState()).toBe('waiting');

  worker.resume();
  const until = Date.now() + 30_000;
  while (ran.length === 0 && Date.now() < until) await sleep(50);
  expect(ran).toEqual(['paper-while-paused']);
}, 60_000);
