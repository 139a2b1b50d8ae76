/**
 * Redis's maxmemory-policy changed under a running deployment: a running
 * `laysum worker` and `laysum serve` read it again (INFO memory, every
 * REDIS_POLICY_CHECK_MS and on reconnect), stop taking work and report
 * unhealthy while it is not noeviction, and resume by themselves after; no
 * paper is lost. Once on a Redis that allows CONFIG, once on one where CONFIG
 * is renamed (as managed services do), so LaySum cannot use it and must read
 * INFO.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { type Context, createContext, redisOf } from '../../src/runtime/context.ts';
import { runCli, startCli } from '../support/cli.ts';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.ts';
import { figures, printFigures, settled, submitMany, waitFor } from './support.ts';

const lines: string[] = [];
afterAll(() => {
  for (const line of lines) console.log(line);
});

type SetPolicy = (ctx: Context, policy: string) => Promise<unknown>;

async function scenario(name: string, redis: PrivateRedis, setPolicy: SetPolicy) {
  const env = {
    REDIS_URL: redis.url,
    LAYSUM_PREFIX: 'faults',
    LLM_PROVIDER: 'extractive',
    REDIS_POLICY_CHECK_MS: '500',
    JOB_LOCK_MS: '2000',
    SHUTDOWN_TIMEOUT_MS: '3000',
    LOG_FORMAT: 'json',
    READYZ_GRACE_MS: '0',
  };
  const ctx = await createContext(loadConfig({ env, envFile: '/nonexistent' }));
  const procs: Array<Awaited<ReturnType<typeof startCli>>> = [];
  try {
    const before = await submitMany(ctx, 6);
    const worker = await startCli(['worker'], env, /LaySum workers running/);
    const server = await startCli(
      ['serve', '--port', '0', '--host', '127.0.0.1'],
      env,
      /serving on port \d+/,
    );
    procs.push(worker, server);
    const port = /serving on port (\d+)/.exec(server.stderr())?.[1];
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    await waitFor(() => settled(ctx, before), 60_000);
    expect(await settled(ctx, before)).toBe(true);
    expect((await health()).status).toBe(200);

    await setPolicy(ctx, 'allkeys-lru');
    await waitFor(async () => /take no new jobs/.test(worker.stderr()), 30_000);
    expect(worker.stderr()).toMatch(/maxmemory-policy is \\"allkeys-lru\\".*Workers take no new jobs/);
    await waitFor(async () => (await health()).status === 503, 30_000);
    expect(await health()).toEqual({
      status: 503,
      body: { ok: false, redis: 'evicting', policy: 'allkeys-lru' },
    });
    const status = await runCli(['status'], env);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^EVICTING: Redis maxmemory-policy is "allkeys-lru"/m);

    // Papers submitted meanwhile wait in the queue: nothing is worked on while Redis may drop it.
    const during = await submitMany(ctx, 5, 100);
    await new Promise((r) => setTimeout(r, 3000));
    const waitingWhileEvicting = (await figures(ctx, during)).drafted;
    expect(waitingWhileEvicting).toBe(0);

    await setPolicy(ctx, 'noeviction');
    await waitFor(() => settled(ctx, during), 60_000);
    await waitFor(async () => (await health()).status === 200, 30_000);
    expect((await health()).body).toMatchObject({ ok: true, redis: 'up' });
    const all = [...before, ...during];
    const f = await figures(ctx, all);
    printFigures(name, f);
    lines.push(
      `[faults] ${name}: workers paused and /healthz 503 within the check interval; ${waitingWhileEvicting} of ${during.length} papers worked on while evicting`,
    );
    expect(f).toMatchObject({ submitted: 11, drafted: 11, stuck: 0, lost: 0, duplicateDrafts: 0 });
    expect((await runCli(['status'], env)).code).toBe(0);
  } finally {
    for (const p of procs) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await ctx.close();
  }
}

describe('maxmemory-policy changed at run time', () => {
  it('CONFIG SET maxmemory-policy allkeys-lru on a running deployment', async () => {
    const redis = await startPrivateRedis();
    try {
      await scenario('runtime CONFIG SET allkeys-lru', redis, (ctx, policy) =>
        redisOf(ctx).config('SET', 'maxmemory-policy', policy),
      );
    } finally {
      await redis.dispose();
    }
  });

  it('the same on a Redis whose CONFIG command is renamed away from LaySum', async () => {
    const secret = `cfg-${randomBytes(6).toString('hex')}`;
    const redis = await startPrivateRedis({ args: ['--rename-command', 'CONFIG', secret] });
    try {
      await scenario('runtime change, CONFIG renamed', redis, (ctx, policy) =>
        redisOf(ctx).call(secret, 'SET', 'maxmemory-policy', policy),
      );
    } finally {
      await redis.dispose();
    }
  });
});
