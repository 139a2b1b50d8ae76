/**
 * LaySum on a Redis Cluster: a local cluster of three masters (no replicas),
 * and the real `laysum` processes against it, named by REDIS_CLUSTER_NODES or
 * a redis+cluster:// REDIS_URL. An account is added, `status` reads the
 * fleet, a pasted paper is drafted by `worker --drain` (which exits), then
 * edited, approved and published from the CLI (the multi-key scripts), a
 * running worker drafts a paper submitted through `serve` with an LLM under
 * a fleet-wide LLM_RPM (the limiter's scripts), and `serve`'s /readyz
 * says Redis is up; every key (LaySum's and BullMQ's) carries the prefix's
 * hash tag, so they all sit in one slot on one master. What is about a
 * server is asked of every master: one evicting master stops start-up, and
 * one master down (the cluster then refuses every key) makes /healthz say
 * Redis is down until it is back.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { runCli, startCli } from '../support/cli.ts';
import { reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { fixture, fractureText } from '../support/harness.ts';
import { type PrivateCluster, startPrivateCluster } from '../support/redis-cluster.ts';
import { fractureSummary } from '../support/summaries.ts';

const ABSTRACT = fixture('abstracts/pmid-28775130.txt');
let cluster: PrivateCluster;
let env: Record<string, string>;
const running: Array<Awaited<ReturnType<typeof startCli>>> = [];

beforeAll(async () => {
  // A silent master is marked failed after 5 s (Redis's default: 15 s), for the outage below.
  cluster = await startPrivateCluster({ nodeTimeoutMs: 5000 });
  env = {
    REDIS_CLUSTER_NODES: cluster.nodes,
    LAYSUM_PREFIX: 'fault-cluster',
    LLM_PROVIDER: 'extractive',
    LOG_FORMAT: 'json',
    READYZ_GRACE_MS: '0',
    SHUTDOWN_TIMEOUT_MS: '3000',
  };
}, 120_000);

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exited));
  await cluster?.dispose();
});

async function until<T>(what: string, get: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const paperState = async (id: string, over = env) => {
  const shown = await runCli(['status', id, '--json'], over);
  return (JSON.parse(shown.stdout) as { state: string }).state;
};

it('adds an account, reads the fleet and drafts a pasted paper with `worker --drain`, which exits', async () => {
  const added = await runCli(['users', 'add', 'cluster-admin', '--role', 'admin', '--json'], env);
  expect(added.stderr).not.toMatch(/CROSSSLOT|MOVED/);
  expect(added.code).toBe(0);
  expect(JSON.parse(added.stdout)).toMatchObject({ name: 'cluster-admin', role: 'admin' });

  // The same cluster named by a URL instead of the node list.
  const byUrl = { ...env, REDIS_CLUSTER_NODES: '', REDIS_URL: cluster.url };
  const status = await runCli(['status'], byUrl);
  expect(status.stderr).not.toMatch(/CROSSSLOT|MOVED/);
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/ingest\s+queue: 0 waiting/);

  const submitted = await runCli(['submit', '--text', '-'], env, ABSTRACT);
  expect(submitted.code).toBe(0);
  const id = /Queued (\S+)\./.exec(submitted.stdout)?.[1] ?? '';
  expect(id).not.toBe('');
  expect(await paperState(id)).toBe('queued');

  const drained = await runCli(['worker', '--drain'], env);
  expect(drained.code).toBe(0);
  expect(drained.stderr).toMatch(/Queues are empty: stopping/);
  expect(await paperState(id, byUrl)).toBe('pending_review');

  // The scripts that move a paper, its indexes, its audit entry and the public site at once.
  // The offline drafts leave these for a person to write; then an edit, a decision and a publication.
  const fields = ['audience', 'interest.rationale', 'credibility.rationale'];
  const edit = fields.flatMap((f) => ['--set', `${f}=Written by the reviewer for this test.`]);
  for (const step of [['edit', ...edit], ['approve'], ['publish']]) {
    const decided = await runCli(
      ['review', ...step.slice(0, 1), id, '--as', 'cluster-admin', ...step.slice(1)],
      env,
    );
    expect(decided.stderr).not.toMatch(/CROSSSLOT|MOVED/);
    expect(decided.code).toBe(0);
  }
  expect(await paperState(id)).toBe('published');
});

it('serves with Redis up, and a running worker drafts a paper submitted through the API with the LLM', async () => {
  // An LLM under a fleet-wide limit: the gate's scripts (requests, tokens, calls in flight) run on the cluster.
  const llm = await startFakeOpenAi([reply(fractureSummary), reply(fractureSummary)]);
  onTestFinished(() => llm.close());
  const llmEnv = {
    ...env,
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    LLM_RPM: '60',
    READING_TARGET_GRADE: '16', // one call per paper
  };
  const added = await runCli(['users', 'add', 'cluster-reviewer', '--role', 'admin', '--json'], env);
  const { token } = JSON.parse(added.stdout) as { token: string };
  const server = await startCli(
    ['serve', '--port', '0', '--host', '127.0.0.1'],
    llmEnv,
    /serving on port \d+/,
  );
  running.push(server);
  const base = `http://127.0.0.1:${/serving on port (\d+)/.exec(server.stderr())?.[1]}`;
  const ready = await until('/readyz 200', async () => {
    const res = await fetch(`${base}/readyz`);
    return res.status === 200 ? ((await res.json()) as { redis: string }) : undefined;
  });
  expect(ready).toMatchObject({ redis: 'up' });
  expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ ok: true, redis: 'up' });

  const worker = await startCli(['worker'], llmEnv, /LaySum workers running/);
  running.push(worker);
  const auth = { authorization: `Bearer ${token}` };
  const posted = await fetch(`${base}/api/papers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ text: fractureText() }),
  });
  expect(posted.status).toBe(201);
  const { id } = (await posted.json()) as { id: string };
  await until('the paper drafted by the running worker', async () =>
    (await paperState(id)) === 'pending_review' ? true : undefined,
  );
  const drafts = (await (await fetch(`${base}/api/drafts`, { headers: auth })).json()) as {
    drafts: Array<{ id: string }>;
  };
  expect(drafts.drafts.map((d) => d.id)).toContain(id);
  expect(llm.chatRequests()).toHaveLength(1);
  expect((await runCli(['usage', '--json'], env)).stdout).toMatch(/"calls": 1\b/);
  const claimed = await fetch(`${base}/api/drafts/${id}/claim`, { method: 'POST', headers: auth });
  expect(claimed.status).toBe(200);
  // A wrong token is counted (the sign-in limiter's keys are under the prefix too).
  const refused = await fetch(`${base}/api/drafts`, {
    headers: { authorization: 'Bearer lsm_nobody.wrong' },
  });
  expect(refused.status).toBe(401);

  worker.child.kill('SIGTERM');
  expect(await worker.exited).toBe(0);

  // Every key, LaySum's and BullMQ's, under the hash-tagged prefix: one slot, so one master.
  const perMaster: string[][] = [];
  for (const port of cluster.ports) {
    const node = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
    try {
      await node.connect();
      const found: string[] = [];
      for await (const batch of node.scanStream({ match: '*', count: 1000 }))
        found.push(...(batch as string[]));
      perMaster.push(found);
    } finally {
      node.disconnect();
    }
  }
  const all = perMaster.flat();
  expect(all.length).toBeGreaterThan(0);
  expect(all.filter((k) => !k.startsWith('{fault-cluster}:'))).toEqual([]);
  expect(all.some((k) => k.startsWith('{fault-cluster}:q:summarize:'))).toBe(true);
  expect(all.some((k) => k.startsWith('{fault-cluster}:claim:'))).toBe(true);
  expect(all.some((k) => k.startsWith('{fault-cluster}:llm:'))).toBe(true);
  expect(all.some((k) => k.startsWith('{fault-cluster}:signin-failures:'))).toBe(true);
  expect(perMaster.filter((keys) => keys.length > 0)).toHaveLength(1);
});

it('reads the eviction policy of every master: one evicting master stops start-up and `status` says so', async () => {
  const last = cluster.ports.at(-1) ?? 0;
  const node = new Redis({ port: last, host: '127.0.0.1' });
  try {
    await node.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const status = await runCli(['status'], env);
    expect(status.stdout).toMatch(/EVICTING: Redis maxmemory-policy is "allkeys-lru"/);
    expect(status.stdout).toMatch(/on every master/);
    const drain = await runCli(['worker', '--drain'], env);
    expect(drain.code).not.toBe(0);
    expect(drain.stderr).toMatch(/Refusing to start: Redis maxmemory-policy is "allkeys-lru"/);

    await node.config('SET', 'maxmemory-policy', 'noeviction');
    expect((await runCli(['status'], env)).stdout).not.toMatch(/EVICTING/);
  } finally {
    await node.config('SET', 'maxmemory-policy', 'noeviction').catch(() => {});
    node.disconnect();
  }
});

it('answers 503 and says Redis is down while a master is down (the cluster refuses every key), and serves once it is back', {
  timeout: 300_000,
}, async () => {
  const server = await startCli(['serve', '--port', '0', '--host', '127.0.0.1'], env, /serving on port \d+/);
  running.push(server);
  const base = `http://127.0.0.1:${/serving on port (\d+)/.exec(server.stderr())?.[1]}`;
  const health = async () => {
    const res = await fetch(`${base}/healthz`);
    return { status: res.status, body: (await res.json()) as { redis: string } };
  };
  await until('/healthz 200', async () => ((await health()).status === 200 ? true : undefined));
  // A master that holds none of LaySum's keys: the others answer MOVED for the prefix's slot.
  const other = await mastersWithout(`{fault-cluster}:probe`);
  expect(other).toHaveLength(2);
  const port = other[0] ?? 0;

  await cluster.stop(port);
  const down = await until('/healthz 503 with a master down', async () => {
    const h = await health();
    return h.status === 503 ? h.body : undefined;
  });
  expect(down).toMatchObject({ ok: false, redis: 'down' });
  // Every other route is answered 503 at once, as when a single Redis is away.
  await until('the desk answers 503', async () =>
    (await fetch(`${base}/login`, { headers: { accept: 'text/html' } })).status === 503 ? true : undefined,
  );
  const status = await runCli(['status'], env);
  expect(status.code).not.toBe(0);
  expect(status.stderr).toMatch(/Cannot reach the Redis Cluster at redis\+cluster:\/\/127\.0\.0\.1:\d+/);
  expect(status.stderr).toMatch(/cluster_state:ok/);

  await cluster.start(port);
  const up = await until(
    '/healthz 200 with the master back',
    async () => {
      const h = await health();
      return h.status === 200 ? h.body : undefined;
    },
    120_000,
  );
  expect(up).toMatchObject({ ok: true, redis: 'up' });
  expect((await runCli(['status'], env)).code).toBe(0);
  await until('the desk answers 200', async () =>
    (await fetch(`${base}/login`, { headers: { accept: 'text/html' } })).status === 200 ? true : undefined,
  );
  // One line when the cluster went down, one when it was back; no stack traces.
  const log = server.stderr();
  expect(log.match(/is unreachable: a master is down or the cluster is not ok/g)).toHaveLength(1);
  expect(log.match(/is back after [\d.]+ s: serving again/g)).toHaveLength(1);
  expect(log).not.toMatch(/\n\s+at /);
});

/** The ports of the masters that do not serve `key`'s slot (they answer MOVED). */
async function mastersWithout(key: string): Promise<number[]> {
  const found: number[] = [];
  for (const port of cluster.ports) {
    const node = new Redis({ port, host: '127.0.0.1' });
    try {
      await node.get(key);
    } catch (err) {
      if (String(err).includes('MOVED')) found.push(port);
    } finally {
      node.disconnect();
    }
  }
  return found;
}
