/**
 * The sweep (src/queue/sweep.ts): a paper in flight whose job is missing is
 * queued again; one whose job BullMQ failed without LaySum's handler (a job
 * that stalled twice) is marked failed with the reason; a paper moved after
 * its job failed (`laysum retry` between its two steps) is queued, not failed again.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, expect, it } from 'vitest';
import { jobIdFor } from '../../src/queue/jobs.ts';
import { sweepInFlight } from '../../src/queue/sweep.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';

let p: Pipeline;
afterEach(() => p.cleanup());

/** Take the paper's ingest job as a worker would and fail it for good, as BullMQ does for a job that stalled twice. */
async function failLikeStall(pipeline: Pipeline): Promise<void> {
  const w = new Worker('ingest', null, {
    connection: pipeline.ctx.redis,
    prefix: pipeline.ctx.store.keys.bullPrefix,
  });
  const job = await w.getNextJob('test-token');
  if (!job) throw new Error('no ingest job to take');
  await job.moveToFailed(new UnrecoverableError('job stalled more than allowable limit'), 'test-token');
  await w.close();
}

it('queues again a paper whose job is gone', async () => {
  p = await createPipeline();
  const id = await p.submit({ kind: 'text', text: fractureText() });
  const jobId = jobIdFor('ingest', { paperId: id });
  await p.ctx.queues.ingest.remove(jobId);
  expect((await sweepInFlight(p.ctx)).requeued).toEqual([id]);
  expect(await p.ctx.queues.ingest.getJobState(jobId)).toBe('waiting');
  expect((await sweepInFlight(p.ctx)).requeued).toEqual([]);
});

it('fails a paper whose job ended without the failure handler, with the reason; a retry in progress is left alone', async () => {
  p = await createPipeline();
  const id = await p.submit({ kind: 'text', text: fractureText() });
  await failLikeStall(p);
  expect((await p.ctx.store.require(id)).state).toBe('queued'); // what the issue found: stuck for ever
  expect((await sweepInFlight(p.ctx)).failed).toEqual([id]);
  const paper = await p.ctx.store.require(id);
  expect(paper.state).toBe('failed');
  expect(paper.reason).toMatch(/interrupted twice[\s\S]*laysum retry/);

  // `laysum retry` moves the paper first, then replaces the failed job: a sweep in between re-queues it.
  await p.ctx.store.transition(id, { from: ['failed'], to: 'queued', actor: 'test', action: 'retried' });
  expect(await sweepInFlight(p.ctx)).toMatchObject({ requeued: [id], failed: [] });
  expect(await p.ctx.queues.ingest.getJobState(jobIdFor('ingest', { paperId: id }))).toBe('waiting');
});
