/**
 * Stopping and waiting: SIGTERM during a 100 s LLM call and a source that
 * never answers ends the worker within SHUTDOWN_TIMEOUT_MS (the test's own
 * timeout is far below the call), the active jobs handed back to the queue
 * without using an attempt; a source's `Retry-After: 3600` becomes a delayed
 * job shown by `laysum status` with its time, never a held worker slot.
 */
import { afterAll, expect, it } from 'vitest';
import { submitPaper } from '../../src/intake/submit.ts';
import { runCli } from '../support/cli.ts';
import { reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { send, startServer } from '../support/http-server.ts';
import { fractureSummary } from '../support/summaries.ts';
import { type Figures, faultRig, figures, printFigures, submitMany, waitFor } from './support.ts';

const slow = reply(fractureSummary, { delayMs: 100_000 });
const llm = await startFakeOpenAi([slow, slow, reply(fractureSummary)]);
let ncbiMode: 'hang' | 'retry-after' | 'ok' = 'hang';
const ncbi = await startServer((_req, res) => {
  if (ncbiMode === 'hang') return new Promise<void>(() => {}); // never answers
  if (ncbiMode === 'retry-after')
    return send(res, 429, '{"error":"API rate limit exceeded"}', 'application/json', {
      'retry-after': '3600',
    });
  return send(res, 503, 'down', 'text/plain');
});
const rig = await faultRig({
  OPENAI_BASE_URL: llm.baseURL,
  NCBI_EUTILS_URL: ncbi.url,
  HTTP_TIMEOUT_MS: '100000',
  SHUTDOWN_TIMEOUT_MS: '3000',
  SUMMARIZE_CONCURRENCY: '2',
});
const results: Array<[string, Figures, string]> = [];

afterAll(async () => {
  await llm.close();
  await ncbi.close();
  for (const [name, f, extra] of results) printFigures(name, f, extra);
});

it('SIGTERM during a 100 s LLM call and a hanging source: exits at the timeout, jobs handed back', {
  timeout: 40_000,
}, async () => {
  const ctx = rig.ctx();
  const ids = await submitMany(ctx, 2);
  const pmid = await submitPaper(ctx, { kind: 'pmid', pmid: '30158200' }, { actor: 'faults' });
  const w = await rig.worker();
  await waitFor(async () => llm.chatRequests().length >= 2 && ncbi.requests.length >= 1, 20_000);
  const t0 = Date.now();
  w.child.kill('SIGTERM');
  expect(await w.exited).toBe(0);
  const stoppedMs = Date.now() - t0;
  expect(w.stderr()).toMatch(/handed back/);
  // Handed back: waiting again at once (not left active until a lock expires), no attempt used.
  // Papers carry priorities, so BullMQ keeps a handed-back job in its
  // `prioritized` list: both lists are "waiting" to a user.
  const counts = async (queue: { getJobCounts: typeof ctx.queues.ingest.getJobCounts }) => {
    const c = await queue.getJobCounts('active', 'waiting', 'prioritized');
    return { active: c.active, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) };
  };
  expect(await counts(ctx.queues.summarize)).toEqual({ active: 0, waiting: 2 });
  expect(await counts(ctx.queues.ingest)).toEqual({ active: 0, waiting: 1 });
  const handedBack = await ctx.queues.summarize.getJobs(['waiting', 'prioritized']);
  expect(handedBack).toHaveLength(2);
  for (const job of handedBack) expect(job.attemptsMade).toBe(0);

  ncbiMode = 'retry-after';
  const again = await rig.worker();
  await waitFor(async () => (await figures(ctx, ids)).drafted === 2, 30_000);
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
  const f = await figures(ctx, ids);
  results.push(['SIGTERM mid LLM call (SHUTDOWN_TIMEOUT_MS 3000)', f, `stopped in ${stoppedMs} ms`]);
  expect(f).toMatchObject({ drafted: 2, stuck: 0, lost: 0, duplicateDrafts: 0 });
  expect((await figures(ctx, [pmid.id])).lost).toBe(0);
});

it("a source's Retry-After: 3600 is a delayed job with its time, not a held slot", {
  timeout: 40_000,
}, async () => {
  const ctx = rig.ctx();
  ncbiMode = 'retry-after';
  const more = await submitPaper(ctx, { kind: 'pmid', pmid: '24792780' }, { actor: 'faults' });
  const ids = [...(await ctx.store.ids('queued')), ...(await ctx.store.ids('ingesting'))];
  expect(ids).toContain(more.id);
  const w = await rig.worker({ INGEST_CONCURRENCY: '1' });
  await waitFor(async () => (await ctx.queues.ingest.getDelayedCount()) === ids.length, 20_000);
  expect(await ctx.queues.ingest.getJobCounts('active', 'delayed')).toEqual({
    active: 0,
    delayed: ids.length,
  });
  const status = await runCli(['status', more.id], rig.env);
  const next = /next try at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(status.stdout)?.[1];
  expect(status.stdout).toMatch(/HTTP 429/);
  expect(next).toBeDefined();
  const waitMs = Date.parse(`${next?.replace(' ', 'T')}Z`) - Date.now();
  expect(waitMs).toBeGreaterThan(50 * 60_000); // the hour NCBI asked for, not a backoff of seconds
  w.child.kill('SIGTERM');
  expect(await w.exited).toBe(0);
  const f = await figures(ctx, ids);
  results.push([
    'NCBI 429 Retry-After: 3600',
    f,
    `${ids.length} ingest job(s) delayed ${Math.round(waitMs / 60_000)} min, 0 active`,
  ]);
  expect(f).toMatchObject({ lost: 0, stuck: 0, waiting: ids.length });
});

it('worker --drain with an hour-long Retry-After: drafts what it can now, then exits 3 saying what waits until when', {
  timeout: 90_000,
}, async () => {
  const ctx = rig.ctx();
  ncbiMode = 'retry-after';
  // The PMID papers of the test above wait out NCBI's hour; pasted papers can be drafted now.
  const waiting = [...(await ctx.store.ids('queued')), ...(await ctx.store.ids('ingesting'))];
  const now = await submitMany(ctx, 2, 500);
  const started = Date.now();
  const res = await runCli(['worker', '--drain'], {
    ...rig.env,
    INGEST_CONCURRENCY: '1',
    LLM_PROVIDER: 'extractive',
  });
  const seconds = (Date.now() - started) / 1000;
  expect(res.code, res.stderr).toBe(3);
  expect(res.stderr).toMatch(
    new RegExp(
      `Drained what can be done now; ${waiting.length} job\\(s\\) wait for later .*ingest of p\\w+ at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(in (5\\d|60) min\\)`,
    ),
  );
  expect(res.stderr).toMatch(/Run `laysum worker --drain` again after/);
  const f = await figures(ctx, now);
  expect(f).toMatchObject({ drafted: 2, lost: 0, stuck: 0 });
  expect((await figures(ctx, waiting)).waiting).toBe(waiting.length);
  results.push([
    'worker --drain, NCBI Retry-After: 3600',
    f,
    `exited 3 in ${seconds.toFixed(1)} s; ${waiting.length} job(s) reported waiting about an hour`,
  ]);
});
