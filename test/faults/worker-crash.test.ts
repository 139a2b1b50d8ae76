/**
 * Worker crashes: kill -9 of a worker process mid LLM call loses no paper and
 * writes no second draft; a job interrupted twice (two crashes during it)
 * leaves its paper failed with the reason, not in `summarizing` for ever,
 * `laysum retry` brings it back and `worker --drain` ends with nothing stuck.
 */
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { fractureSummary } from '../support/summaries.ts';
import { type Figures, faultRig, figures, printFigures, settled, submitMany, waitFor } from './support.ts';

const llm = await startFakeOpenAi([reply(fractureSummary, { delayMs: 1500 })]);
const rig = await faultRig({ OPENAI_BASE_URL: llm.baseURL, SUMMARIZE_CONCURRENCY: '3' });
const results: Array<[string, Figures]> = [];

afterAll(async () => {
  await llm.close();
  for (const [name, f] of results) printFigures(name, f);
});

const calls = () => llm.chatRequests().length;

it('kill -9 of a worker mid LLM call: every paper drafted once, none lost', async () => {
  const ctx = rig.ctx();
  const ids = await submitMany(ctx, 8);
  const one = await rig.worker();
  await waitFor(async () => calls() >= 3, 20_000);
  one.child.kill('SIGKILL');
  expect(await one.exited).not.toBe(0);
  const two = await rig.worker();
  await waitFor(() => settled(ctx, ids), 60_000);
  two.child.kill('SIGTERM');
  expect(await two.exited).toBe(0);

  const f = await figures(ctx, ids);
  results.push(['kill -9 mid LLM call', f]);
  expect(f).toMatchObject({ drafted: 8, stuck: 0, lost: 0, duplicateDrafts: 0 });
});

it('a job interrupted twice leaves its paper failed with the reason; retry and drain finish it', async () => {
  const ctx = rig.ctx();
  const ids = await submitMany(ctx, 3, 100);
  const before = calls();
  for (let crash = 1; crash <= 2; crash++) {
    const w = await rig.worker();
    await waitFor(async () => calls() >= before + 3 * crash, 30_000);
    w.child.kill('SIGKILL');
    await w.exited;
  }
  // A draining worker meets jobs BullMQ fails for stalling twice, without LaySum's failure handler.
  const drain = await runCli(['worker', '--drain'], rig.env);
  expect(drain.code).toBe(0);
  for (const id of ids) {
    const p = await ctx.store.require(id);
    expect(p.state).toBe('failed');
    expect(p.reason).toMatch(/interrupted twice.*\n.*laysum retry/s);
  }
  const status = await runCli(['status', ids[0] ?? ''], rig.env);
  expect(status.stdout).toMatch(/failed/);
  expect(status.stdout).not.toMatch(/attempt \d+ of/);
  const interrupted = await figures(ctx, ids);
  results.push(['two crashes during the same jobs', interrupted]);
  expect(interrupted).toMatchObject({ failedWithReason: 3, stuck: 0, lost: 0 });

  for (const id of ids) expect((await runCli(['retry', id], rig.env)).code).toBe(0);
  const again = await runCli(['worker', '--drain'], rig.env);
  expect(again.code).toBe(0);
  const f = await figures(ctx, ids);
  results.push(['... then laysum retry and worker --drain', f]);
  expect(f).toMatchObject({ drafted: 3, stuck: 0, lost: 0, duplicateDrafts: 0 });
});
