/**
 * The server while Redis may evict (its maxmemory-policy changed at run time
 * on a Redis of this test's own): /healthz, /readyz and /metrics say so,
 * every desk page carries the warning, reads go on and writes are refused
 * with 503 and what to do; all of it ends once the policy is noeviction.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.ts';
import { type HttpHarness, paperText, signIn, startHttp } from './support.ts';

const TOKEN = 'metrics-token-eviction-0123';
let redis: PrivateRedis;
let h: HttpHarness;

beforeAll(async () => {
  redis = await startPrivateRedis();
  h = await startHttp({ REDIS_URL: redis.url, METRICS_TOKEN: TOKEN });
});
afterAll(async () => {
  await h.cleanup();
  await redis.dispose();
});

async function setPolicy(policy: string) {
  await redisOf(h.p.ctx).config('SET', 'maxmemory-policy', policy);
  // What the periodic check and every reconnect do; called here so the test waits on nothing.
  await h.deps.health.eviction.check();
}

const submit = () =>
  h.call('/api/papers', {
    method: 'POST',
    token: h.tokens.editor,
    json: { text: paperText('Eviction test paper') },
  });

it('reports evicting, refuses writes and warns on every desk page until the policy is noeviction', async () => {
  const reviewer = await signIn(h, h.tokens.reviewer);
  await setPolicy('allkeys-lru');

  const health = await h.call('/healthz');
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ ok: false, redis: 'evicting', policy: 'allkeys-lru' });
  const ready = await h.call('/readyz');
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ ready: false, redis: 'evicting' });

  const refused = await submit();
  expect(refused.status).toBe(503);
  expect(await refused.json()).toMatchObject({
    error: expect.stringMatching(
      /^Nothing can be saved right now: Redis's maxmemory-policy is "allkeys-lru"/,
    ),
    hint: expect.stringMatching(/CONFIG SET maxmemory-policy noeviction/),
  });
  expect(await h.p.ctx.store.count()).toBe(0);

  const desk = await reviewer.get('/desk');
  expect(desk.status).toBe(200);
  expect(await desk.text()).toMatch(/role="alert"><strong>Nothing can be saved right now/);

  const metrics = await (await h.call('/metrics', { token: TOKEN })).text();
  expect(metrics).toContain('laysum_redis_evicting{policy="allkeys-lru"} 1');

  await setPolicy('noeviction');
  expect((await h.call('/healthz')).status).toBe(200);
  expect((await submit()).status).toBe(201);
  expect(await (await reviewer.get('/desk')).text()).not.toMatch(/Nothing can be saved right now/);
  expect(await (await h.call('/metrics', { token: TOKEN })).text()).toContain(
    'laysum_redis_evicting{policy="noeviction"} 0',
  );
});
