/**
 * PostgreSQL records: a change committed while the Redis audit stream refuses
 * its entry (a real Redis error: the stream's key holds a string for a
 * moment) still reaches the stream through the workers' catch-up, and a
 * webhook receiver (a local HTTP server) gets its event once, in order with
 * the paper's other events: the next change of that paper, sent fine, waits
 * for it. An entry sent again (sent, then its mark lost) makes no second delivery.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PaperState } from '../../src/domain/state.ts';
import type { WebhookEvent } from '../../src/domain/webhook.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { keys as makeKeys } from '../../src/store/keys.ts';
import { dropPrefixSchema } from '../../src/store/pg/migrate.ts';
import { pgOf } from '../../src/store/pg/papers.ts';
import { WEBHOOK_GROUP } from '../../src/store/webhooks.ts';
import { createPipeline, type Pipeline } from '../support/harness.ts';
import { startServer, type TestServer } from '../support/http-server.ts';
import { PG_URL } from '../support/record-stores.ts';

let p: Pipeline;
let receiver: TestServer;
const received: { event: string; paper: string; delivery: string }[] = [];

beforeAll(async () => {
  receiver = await startServer((req, res) => {
    const body = JSON.parse(req.body) as { event: string; paper: { id: string } };
    received.push({
      event: body.event,
      paper: body.paper.id,
      delivery: String(req.headers['x-laysum-delivery']),
    });
    res.writeHead(204);
    res.end();
  });
  p = await createPipeline({ DATABASE_URL: PG_URL, AUDIT_CATCHUP_MS: '300', WEBHOOK_BACKOFF_MS: '50' });
  await p.start({ stages: ['webhook'] });
}, 60_000);
afterAll(async () => {
  await p?.cleanup();
  await dropPrefixSchema(PG_URL, p.config.redis.prefix);
  await receiver?.close();
});

async function until<T>(
  what: string,
  check: () => Promise<T | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('sends a change whose stream entry failed after the commit, once and in order with the paper', async () => {
  const { store, webhooks } = p.ctx;
  const redis = redisOf(p.ctx);
  const stream = makeKeys(p.config.redis.prefix).auditAll;
  const events: WebhookEvent[] = ['approved', 'published', 'unpublished'];
  const { hook } = await webhooks.add({ url: `${receiver.url}/hook`, events, createdBy: 'test' });
  const { id } = await store.create({
    submission: { kind: 'text', text: 'T\n\nabstract', title: 'T' },
    origin: { actor: 'test' },
    identities: [{ kind: 'text', value: 'outbox-paper' }],
  });
  const move = (to: PaperState, action: string) =>
    store.transition(id, { from: '*', to, action, actor: 'rita' });
  await move('approved', 'approved');

  // The stream refuses entries (WRONGTYPE) while the publication commits; then it is back as it was.
  await redis.rename(stream, `${stream}:aside`);
  await redis.set(stream, 'not a stream');
  await move('published', 'published');
  await redis.del(stream);
  await redis.rename(`${stream}:aside`, stream);
  await move('unpublished', 'unpublished');

  const mine = () => received.filter((r) => r.paper === id);
  await until('three deliveries', async () => mine().length >= 3);
  expect(mine().map((r) => r.event)).toEqual(events);
  const actions = (await redis.xrange(stream, '-', '+')).map(([, f]) => JSON.parse(f[1] ?? '{}').action);
  expect(actions).toContain('published');

  // Sent, but the mark was lost (the process died in between): the catch-up sends the entries again.
  const pg = pgOf(store);
  if (!pg) throw new Error('the pipeline should keep its records in PostgreSQL');
  const before = await redis.xlen(stream);
  await pg.pool.query('UPDATE audit SET mirrored = false WHERE paper_id = $1', [id]);
  await until('the entries sent again', async () => (await redis.xlen(stream)) >= before + 4);
  await until('the dispatcher to read them', async () => {
    const [last] = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
    const groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
    const info = groups.map((g) => Object.fromEntries(g.map((v, i) => [v, g[i + 1]])));
    const group = info.find((g) => g.name === WEBHOOK_GROUP);
    return group?.['last-delivered-id'] === last?.[0] && group?.pending === 0;
  });
  expect(mine().map((r) => r.event)).toEqual(events);
  expect((await webhooks.deliveries(hook.id)).filter((d) => d.paperId === id)).toHaveLength(3);
}, 60_000);
