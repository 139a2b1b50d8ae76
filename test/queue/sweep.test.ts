/**
 * The sweep (src/queue/sweep.ts): a paper in flight whose job is missing is
 * queued again; one whose job BullMQ failed without LaySum's handler (a job
 * that stalled twice) is marked failed with the reason; a paper moved after
 * its job failed (`laysum retry` between its two steps) is queued, not failed again.
 * Papers are looked at in batches, and one sweep runs at a time across the fleet.
 */
import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, expect, it } from 'vitest';
import { jobIdFor } from '../../src/queue/jobs.ts';
import { type SweepReport, sweepInFlight, sweepPaper } from '../../src/queue/sweep.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { internalsOf } from '../../src/store/internals.ts';
import type { PaperStore } from '../../src/store/papers.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';
import { commandsDuring } from '../support/redis-monitor.ts';

let p: Pipeline;
afterEach(() => p.cleanup());

/** Take the paper's ingest job as a worker would and fail it for good, as BullMQ does for a job that stalled twice. */
async function failLikeStall(pipeline: Pipeline): Promise<void> {
  const w = new Worker('ingest', null, {
    connection: redisOf(pipeline.ctx),
    prefix: internalsOf(pipeline.ctx.store).keys.bullPrefix,
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

it('looks at many papers in a few commands each, and runs one sweep at a time across the fleet', async () => {
  p = await createPipeline();
  const COUNT = 300;
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const { id } = await p.ctx.store.create({
      submission: { kind: 'text', text: `T\n\nabstract ${i}`, title: `T${i}` },
      origin: { actor: 'test' },
      identities: [{ kind: 'text', value: `sweep-${i}` }],
    });
    await p.ctx.enqueue.ingest(id);
    ids.push(id);
  }
  // One paper's job is gone: that one is settled; the others have their job waiting.
  await p.ctx.queues.ingest.remove(jobIdFor('ingest', { paperId: ids[7] ?? '' }));
  let report: SweepReport = { checked: 0, requeued: [], failed: [] };
  const commands = await commandsDuring(redisOf(p.ctx), internalsOf(p.ctx.store).keys.prefix, async () => {
    report = await sweepInFlight(p.ctx);
  });
  expect(report).toMatchObject({ checked: COUNT, requeued: [ids[7]], failed: [] });
  // Checking paper by paper ran about 8 commands each (the job-state script looks in every list).
  expect(commands.length).toBeLessThan(COUNT * 3);

  const [a, b] = await Promise.all([sweepInFlight(p.ctx), sweepInFlight(p.ctx)]);
  expect([a.skipped, b.skipped].filter(Boolean)).toHaveLength(1);
  expect((await sweepInFlight(p.ctx)).skipped).toBeUndefined();
}, 120_000);

it('leaves alone a paper that moved on while it was checked: no false "had no job" on a busy start', async () => {
  p = await createPipeline();
  const id = await p.submit({ kind: 'text', text: fractureText() });
  // What a sweep running beside busy workers reads first: the paper still queued...
  const seen = await p.ctx.store.require(id);
  await p.start({ stages: ['ingest', 'summarize'] });
  // ...while its ingest job completes and is removed, and the paper moves on.
  await p.waitFor(id, ['pending_review']);
  const real = p.ctx.store;
  let reads = 0;
  const store = Object.create(real) as PaperStore;
  store.get = async (paperId: string) => (reads++ === 0 ? seen : real.get(paperId));
  expect(await sweepPaper({ ...p.ctx, store }, id)).toBe('ok');
  expect(await p.ctx.queues.ingest.getJobState(jobIdFor('ingest', { paperId: id }))).not.toBe('waiting');
});
