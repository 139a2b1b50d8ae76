/**
 * A dead worker's job goes to another worker within the documented time:
 * JOB_LOCK_MS drives both the lock and the stalled-job check, so a job whose
 * worker is killed with -9 is back in the queue within 1.25 x JOB_LOCK_MS
 * (src/queue/takeover.ts); meanwhile `laysum status ID` says "worker lost,
 * will resume at …". Measured from the kill to the second worker's LLM call.
 */
import { afterAll, expect, it } from 'vitest';
import { describeJobStatus, jobStatus } from '../../src/queue/job-status.ts';
import { takeoverBoundMs } from '../../src/queue/takeover.ts';
import { reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { fractureSummary } from '../support/summaries.ts';
import { faultRig, figures, printFigures, settled, submitMany, waitFor } from './support.ts';

const LOCK_MS = 10_000;
const llm = await startFakeOpenAi([reply(fractureSummary, { delayMs: 120_000 }), reply(fractureSummary)]);
const rig = await faultRig({
  OPENAI_BASE_URL: llm.baseURL,
  JOB_LOCK_MS: String(LOCK_MS),
  SUMMARIZE_CONCURRENCY: '1',
});
const lines: string[] = [];
afterAll(async () => {
  await llm.close();
  for (const line of lines) console.log(line);
});

it('kill -9 of the worker holding a job: another worker takes it within 1.25 x JOB_LOCK_MS', async () => {
  const ctx = rig.ctx();
  const [id = ''] = await submitMany(ctx, 1);
  const first = await rig.worker();
  await waitFor(async () => llm.chatRequests().length >= 1, 60_000);
  const second = await rig.worker();
  first.child.kill('SIGKILL');
  const killedAt = Date.now();
  await first.exited;

  // What `laysum status ID` prints once the lock is no longer renewed, until the job is taken over.
  let lostLine = '';
  await waitFor(
    async () => {
      const status = await jobStatus(ctx.queues, await ctx.store.require(id), LOCK_MS);
      if (status?.workerLostResumeBy) lostLine = describeJobStatus(status);
      return llm.chatRequests().length >= 2;
    },
    120_000,
    100,
  );
  const takeoverMs = Date.now() - killedAt;
  await waitFor(() => settled(ctx, [id]), 60_000);
  second.child.kill('SIGTERM');
  await second.exited;

  const f = await figures(ctx, [id]);
  printFigures('kill -9, takeover', f);
  lines.push(
    `[faults] kill -9 takeover with JOB_LOCK_MS=${LOCK_MS}: the second worker called the LLM ${(takeoverMs / 1000).toFixed(1)} s after the kill (documented bound ${takeoverBoundMs(LOCK_MS) / 1000} s)`,
  );
  expect(lostLine).toMatch(
    /worker lost \(it stopped renewing the job's lock\), will resume at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/,
  );
  // The bound, with half a lock of slack for a loaded machine (BullMQ's own timers, the second worker's pick-up).
  expect(takeoverMs).toBeLessThan(takeoverBoundMs(LOCK_MS) + LOCK_MS / 2);
  expect(f).toMatchObject({ drafted: 1, lost: 0, duplicateDrafts: 0 });
});
