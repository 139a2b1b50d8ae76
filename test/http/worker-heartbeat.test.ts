/**
 * With no worker running, a submitted paper only waits: /healthz, /readyz, the
 * desk's queue, /desk/mine and `laysum status` say so, from the workers' own
 * heartbeats (a worker that stops cleanly leaves at once; one that dies fades
 * out after 3 missed heartbeats), and stop saying it once a worker runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { redisWorkerHeartbeats } from '../../src/store/worker-heartbeats.ts';
import { runCli } from '../support/cli.ts';
import { REDIS_URL } from '../support/harness.ts';
import { type HttpHarness, paperText, signIn, startHttp, type WebSession } from './support.ts';

let h: HttpHarness;
let reviewer: WebSession;
let editor: WebSession;

interface Health {
  ok?: boolean;
  ready?: boolean;
  workers: { running: number; lastSeenAt: string | null; warning?: string };
}

const health = async (path: '/healthz' | '/readyz') => {
  const res = await h.call(path);
  return { status: res.status, body: (await res.json()) as Health };
};
const text = async (s: WebSession, path: string) => (await s.get(path)).text();
const cli = () => runCli(['status'], { REDIS_URL, LAYSUM_PREFIX: h.p.config.redis.prefix });

beforeAll(async () => {
  h = await startHttp({ WORKER_HEARTBEAT_MS: '500' });
  reviewer = await signIn(h, h.tokens.reviewer);
  editor = await signIn(h, h.tokens.editor);
});
afterAll(() => h.cleanup());

describe('no worker running', () => {
  it('/healthz and /readyz stay 200 (the server is fine) and carry a warning', async () => {
    for (const path of ['/healthz', '/readyz'] as const) {
      const { status, body } = await health(path);
      expect(status).toBe(200);
      expect(body.workers.running).toBe(0);
      expect(body.workers.lastSeenAt).toBeNull();
      expect(body.workers.warning).toMatch(/No worker is running.*stays queued.*laysum worker/);
    }
  });

  it('the queue, /desk/mine and the submit page say that a paper submitted now waits', async () => {
    expect(await text(reviewer, '/desk')).toContain('No worker is running');
    const mine = await text(editor, '/desk/mine');
    expect(mine).toContain('No worker is running');
    expect(mine).toContain('stays queued until a worker runs');
    expect(await text(editor, '/desk/submit')).toContain('No worker is running');
  });

  it('`laysum submit` queues the paper and says it waits for a worker', async () => {
    const res = await runCli(
      ['submit', '--text', '-'],
      { REDIS_URL, LAYSUM_PREFIX: h.p.config.redis.prefix },
      paperText('Heartbeat: a paper submitted with no worker running'),
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Queued p[0-9a-f]{12}\./);
    expect(res.stderr).toMatch(/Note: No worker is running .*stays queued until a worker runs/);
  });

  it('`laysum status` says it plainly', async () => {
    const res = await cli();
    expect(res.stdout).toMatch(/WORKERS: No worker is running \(none has been seen\)\. .*laysum worker/);
  });
});

describe('a worker running, then gone', () => {
  it('is seen at once, and its clean stop is seen at once', async () => {
    await h.p.start();
    const { body } = await health('/healthz');
    expect(body.workers.running).toBe(1);
    expect(body.workers.warning).toBeUndefined();
    expect(await text(reviewer, '/desk')).not.toContain('No worker is running');
    expect(await text(editor, '/desk/mine')).not.toContain('No worker is running');
    expect((await cli()).stdout).toMatch(
      /Workers: 1 running: .* pid \d+ \(ingest, summarize, poll, webhook\)/,
    );

    await h.p.workers?.close();
    h.p.workers = null;
    const after = await health('/healthz');
    expect(after.status).toBe(200);
    expect(after.body.workers.running).toBe(0);
    expect(after.body.workers.warning).toMatch(/the last one was seen \d+ s ago/);
    expect(await text(editor, '/desk/mine')).toContain('No worker is running');
  });

  it('a worker that died without a word counts as gone after 3 missed heartbeats', async () => {
    const beats = redisWorkerHeartbeats(redisOf(h.p.ctx), h.p.config.redis.prefix);
    await beats.beat({ id: 'crashed:1', host: 'crashed', pid: 1, stages: ['ingest', 'summarize'] });
    expect((await health('/healthz')).body.workers.running).toBe(1);
    // 3 heartbeats of 500 ms: wait longer than that (a lower bound, not a race).
    await new Promise((r) => setTimeout(r, 2000));
    const { body } = await health('/healthz');
    expect(body.workers.running).toBe(0);
    expect(body.workers.warning).toMatch(/No worker is running: the last one was seen \d+ s ago/);
  });

  it('workers that skip a pipeline stage are named', async () => {
    const beats = redisWorkerHeartbeats(redisOf(h.p.ctx), h.p.config.redis.prefix);
    await beats.beat({ id: 'poller:2', host: 'poller', pid: 2, stages: ['poll', 'webhook'] });
    const { body } = await health('/healthz');
    expect(body.workers.running).toBe(1);
    expect(body.workers.warning).toMatch(/No running worker takes the ingest or summarize stage/);
    await beats.leave('poller:2');
  });
});
