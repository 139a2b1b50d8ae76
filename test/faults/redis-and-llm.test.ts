/**
 * Redis dies and LLM replies fail: two real worker processes, 20% of LLM
 * answers a 429, a 500 or garbage, and Redis killed with kill -9 mid-run and
 * started again on its append-only file. No paper is lost, stuck or drafted
 * twice, and each worker logs the outage once (down, up), without stack traces.
 */
import { afterAll, expect, it } from 'vitest';
import { reply, type Step, startFakeOpenAi } from '../support/fake-openai.ts';
import { fractureSummary } from '../support/summaries.ts';
import { type Figures, faultRig, figures, printFigures, settled, submitMany, waitFor } from './support.ts';

const faults: Step[] = [
  { kind: 'error', status: 429, message: 'Rate limit reached', headers: { 'retry-after': '0' } },
  { kind: 'error', status: 500, message: 'The server had an error' },
  reply('{"summary": "this is not the schema"'),
];
// Every fifth answer is a fault, in turn: 20% of 100 scripted answers, then good ones.
const script: Step[] = Array.from({ length: 100 }, (_, i) =>
  i % 5 === 4 ? (faults[((i / 5) % 3) | 0] ?? faults[0]) : reply(fractureSummary, { delayMs: 200 }),
) as Step[];
script.push(reply(fractureSummary));
const llm = await startFakeOpenAi(script);
const rig = await faultRig({
  OPENAI_BASE_URL: llm.baseURL,
  SUMMARIZE_CONCURRENCY: '2',
  LLM_MAX_REPAIRS: '1',
});
const results: Array<[string, Figures, string]> = [];

afterAll(async () => {
  await llm.close();
  for (const [name, f, extra] of results) printFigures(name, f, extra);
});

it('loses nothing and drafts each paper once through a Redis kill -9 and 20% LLM faults', {
  timeout: 110_000,
}, async () => {
  const ids = await submitMany(rig.ctx(), 20);
  const workers = [await rig.worker(), await rig.worker()];
  await waitFor(async () => llm.chatRequests().length >= 4, 20_000);
  await rig.redis.stop('SIGKILL');
  await new Promise((r) => setTimeout(r, 2000));
  await rig.redis.start();
  const ctx = await rig.reconnect();
  await waitFor(() => settled(ctx, ids), 80_000, 500);
  for (const w of workers) w.child.kill('SIGTERM');
  for (const w of workers) expect(await w.exited).toBe(0);

  const f = await figures(ctx, ids);
  const calls = llm.chatRequests().length;
  const faulty = Math.floor(Math.min(calls, 100) / 5);
  const logs = workers.map((w) => w.stderr().split('\n'));
  const down = logs.map((lines) => lines.filter((l) => /Redis is unreachable/.test(l)).length);
  const up = logs.map((lines) => lines.filter((l) => /Redis is reachable again/.test(l)).length);
  const traces = logs.flat().filter((l) => /"stack"|at TCPConnectWrap|Unhandled error event/.test(l)).length;
  results.push([
    'Redis kill -9 + AOF restart, 20% LLM 429/500/garbage',
    f,
    `${calls} LLM calls, ${faulty} of them faults; outage lines per worker: down ${down.join('/')}, up ${up.join('/')}; stack traces ${traces}`,
  ]);
  expect(f).toMatchObject({ drafted: 20, stuck: 0, lost: 0, duplicateDrafts: 0 });
  for (const n of down) expect(n).toBeLessThanOrEqual(1);
  if (traces)
    console.log(
      logs
        .flat()
        .filter((l) => /"stack"|at TCPConnectWrap|Unhandled error event/.test(l))
        .slice(0, 3)
        .join('\n'),
    );
  expect(traces).toBe(0);
});
