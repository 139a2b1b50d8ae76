/**
 * `laysum serve` with the records in a PostgreSQL of its own that goes away
 * and comes back: /healthz and /readyz say the record store is down (503),
 * a desk API read answers 503 naming PostgreSQL (without its password), not
 * a 500 or a Redis message; once it is back the same server process answers
 * 200 again.
 */

import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.ts';
import { REDIS_URL, removePrefix, testPrefix } from '../support/harness.ts';
import { type PrivatePostgres, startPrivatePostgres } from '../support/pg-server.ts';
import { paperText, waitFor } from './support.ts';

let pg: PrivatePostgres;
let server: Awaited<ReturnType<typeof startCli>>;
let base = '';
let token = '';
const prefix = testPrefix();

beforeAll(async () => {
  pg = await startPrivatePostgres();
  const env = {
    REDIS_URL,
    DATABASE_URL: pg.url,
    LAYSUM_PREFIX: prefix,
    LLM_PROVIDER: 'extractive',
    LOG_FORMAT: 'json',
    READYZ_GRACE_MS: '0',
  };
  const added = await runCli(['users', 'add', 'admin-1', '--role', 'admin', '--json'], env);
  token = (JSON.parse(added.stdout) as { token: string }).token;
  server = await startCli(['serve', '--port', '0', '--host', '127.0.0.1'], env, /serving on port \d+/);
  base = `http://127.0.0.1:${/serving on port (\d+)/.exec(server.stderr())?.[1]}`;
}, 180_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await pg?.dispose();
  const redis = new Redis(REDIS_URL);
  await removePrefix(redis, prefix);
  await redis.quit();
});

const health = () => fetch(`${base}/healthz`);

it('says the record store is down while PostgreSQL is away, and serves again when it is back', async () => {
  const submitted = await fetch(`${base}/api/papers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      text: paperText(1).text,
      title: paperText(1).title,
    }),
  });
  expect(submitted.status).toBe(201);
  expect(await (await health()).json()).toMatchObject({ ok: true, redis: 'up', database: 'up' });

  await pg.stop();
  await waitFor(async () => (await health()).status === 503, 60_000);
  const body = (await (await health()).json()) as Record<string, unknown>;
  expect(body).toMatchObject({ ok: false, redis: 'up', database: 'down' });
  expect(typeof body.databaseDownSince).toBe('string');
  expect((await fetch(`${base}/readyz`)).status).toBe(503);

  const read = await fetch(`${base}/api/drafts`, { headers: { authorization: `Bearer ${token}` } });
  expect(read.status).toBe(503);
  expect(read.headers.get('retry-after')).toBe('5');
  const problem = (await read.json()) as { error: string; hint: string };
  expect(problem.error).toMatch(/PostgreSQL at postgres:\/\/.*127\.0\.0\.1/);
  expect(problem.error).not.toMatch(/Redis/);
  expect(problem.hint).toMatch(/try again/);

  await pg.start();
  await waitFor(async () => (await health()).status === 200, 60_000);
  const back = await fetch(`${base}/api/drafts`, { headers: { authorization: `Bearer ${token}` } });
  expect(back.status).toBe(200);
  expect(server.stderr()).not.toMatch(/unexpected error/);
}, 240_000);
