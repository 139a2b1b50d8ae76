/**
 * `laysum serve` through a Redis outage, as a real process on a Redis of its
 * own: Redis is killed (-9) while the server runs; every request is answered
 * 503 with a clear body (JSON for the API, an HTML page for the desk), the
 * health checks say Redis is down; Redis comes back (append-only file on) and
 * the same server process answers 200 again without a restart. The log has
 * one line when Redis went away and one when it came back, no stack traces.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.ts';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.ts';

let redis: PrivateRedis;
let server: Awaited<ReturnType<typeof startCli>>;
let base = '';
let token = '';
const figures = { during503: 0, duringOther: 0, after200: 0 };
const OUTAGE_MS = 5000;

beforeAll(async () => {
  redis = await startPrivateRedis();
  const env = {
    REDIS_URL: redis.url,
    LAYSUM_PREFIX: 'fault-serve',
    LLM_PROVIDER: 'extractive',
    LOG_FORMAT: 'json',
    READYZ_GRACE_MS: '0',
  };
  const added = await runCli(['users', 'add', 'admin-1', '--role', 'admin', '--json'], env);
  token = (JSON.parse(added.stdout) as { token: string }).token;
  server = await startCli(['serve', '--port', '0', '--host', '127.0.0.1'], env, /serving on port \d+/);
  base = `http://127.0.0.1:${/serving on port (\d+)/.exec(server.stderr())?.[1]}`;
});
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await redis?.dispose();
});

const api = () => fetch(`${base}/api/drafts`, { headers: { authorization: `Bearer ${token}` } });
const desk = () => fetch(`${base}/login`, { headers: { accept: 'text/html' } });
const health = () => fetch(`${base}/healthz`);
/** Submitting a paper writes the paper and adds a BullMQ job: the producer side of the queues. */
const submit = (title: string) =>
  fetch(`${base}/api/papers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: `${title}\n\n${ABSTRACT}` }),
  });
const ABSTRACT =
  'BACKGROUND: Hip fractures in older adults lead to loss of independence and high costs. METHODS: We followed 1200 adults aged 65 and over for five years, comparing people in weekly balance classes with people who were not. RESULTS: People in the classes had 30 percent fewer hip fractures. CONCLUSIONS: Balance classes may lower the risk of hip fracture.';

async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}\n${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('answers 503 while Redis is away and reconnects by itself when it is back', async () => {
  expect((await api()).status).toBe(200);
  expect(await (await health()).json()).toMatchObject({ ok: true, redis: 'up' });

  await redis.stop('SIGKILL');
  await until('/healthz says Redis is down', async () => (await health()).status === 503);
  expect(await (await health()).json()).toMatchObject({ ok: false, redis: 'down' });
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get('retry-after')).toBe('5');

  // Longer than the old producer connection's 3 retries (about 1.2 s), after which it gave up for good.
  const outageEnds = Date.now() + OUTAGE_MS;
  for (let i = 0; Date.now() < outageEnds || i < 20; i++) {
    const res = i % 2 ? await desk() : await api();
    if (res.status === 503) figures.during503++;
    else figures.duringOther++;
    await new Promise((r) => setTimeout(r, 50));
  }
  const fromApi = await api();
  expect(fromApi.status).toBe(503);
  expect(fromApi.headers.get('retry-after')).toBe('5');
  expect(fromApi.headers.get('content-type')).toMatch(/json/);
  expect(await fromApi.json()).toMatchObject({ error: expect.stringMatching(/cannot reach its database/) });
  const fromDesk = await desk();
  expect(fromDesk.status).toBe(503);
  expect(fromDesk.headers.get('content-type')).toMatch(/html/);
  expect(await fromDesk.text()).toMatch(/cannot reach its database \(Redis\)/);
  expect(figures.duringOther).toBe(0);
  expect((await submit('Balance classes during the outage')).status).toBe(503);

  await redis.start();
  await until('/healthz says Redis is up', async () => (await health()).status === 200);
  for (let i = 0; i < 10; i++) if ((await api()).status === 200) figures.after200++;
  expect(figures.after200).toBe(10);
  const created = await submit('Balance classes after the outage');
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const queued = await fetch(`${base}/api/drafts/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(await queued.json()).toMatchObject({ state: 'queued' });
  expect((await fetch(`${base}/readyz`)).status).toBe(200);

  const lines = server
    .stderr()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { redis?: string; msg: string; err?: unknown });
  expect(lines.filter((l) => l.redis === 'down')).toHaveLength(1);
  expect(lines.filter((l) => l.redis === 'up')).toHaveLength(1);
  expect(lines.filter((l) => l.err !== undefined)).toEqual([]);
  expect(server.stderr()).not.toMatch(/ECONNREFUSED[\s\S]*\n\s+at /);

  console.log(
    `serve through a Redis kill -9 and a ${OUTAGE_MS / 1000} s outage: ${figures.during503}/${figures.during503 + figures.duringOther} requests answered 503 during the outage, ${figures.after200}/10 answered 200 after Redis came back (and a submitted paper was queued), 1 log line down + 1 up`,
  );
});
