/**
 * A delivery given up lets its paper's next one go (in order, each given up
 * in turn against a receiver that always fails); after `laysum webhooks
 * rotate` every message carries two signatures, so the `standardwebhooks`
 * library accepts it with the new secret and with the old one during the
 * grace period; WEBHOOK_LEGACY_HEADERS=false sends only the standard headers.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineDeps } from '../../src/webhooks/line.ts';
import { addWebhook } from '../../src/webhooks/manage.ts';
import { resendSince } from '../../src/webhooks/resend.ts';
import { fillPlaceholders, type HttpHarness, paperText, startHttp } from '../http/support.ts';
import { runCli } from '../support/cli.ts';
import { startServer, type TestServer } from '../support/http-server.ts';

let h: HttpHarness;
let receiver: TestServer;
let answer = 500;

beforeAll(async () => {
  receiver = await startServer((_req, res) => {
    res.writeHead(answer);
    res.end();
  });
  h = await startHttp({ WEBHOOK_ATTEMPTS: '2', WEBHOOK_BACKOFF_MS: '50', WEBHOOK_LEGACY_HEADERS: 'false' });
});
afterAll(async () => {
  await h.cleanup();
  await receiver.close();
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const eventsSeen = () => receiver.requests.map((r) => JSON.parse(r.body).event as string);

function verifies(secret: string, r: TestServer['requests'][number]): boolean {
  try {
    new Webhook(secret).verify(r.body, {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}

describe('given up, then rotated', () => {
  let hookId = '';
  let oldSecret = '';

  it('gives each delivery up in turn, in order, and marks them failed', async () => {
    const added = await addWebhook(
      h.deps.webhooks,
      { url: `${receiver.url}/hook`, events: 'approved,published,unpublished', by: 'test' },
      h.p.config.fetch.allowPrivate,
    );
    hookId = added.hook.id;
    oldSecret = added.secret;
    await h.p.start();
    const res = await h.call('/api/papers', {
      method: 'POST',
      token: h.tokens.editor,
      json: { text: paperText('Balance classes and hip fractures: given up') },
    });
    const id = ((await res.json()) as { id: string }).id;
    await h.p.waitFor(id, ['pending_review']);
    const version = await fillPlaceholders(h, id, 1);
    for (const [action, json] of [
      ['approve', { basedOn: version }],
      ['publish', { basedOn: version }],
      ['unpublish', { reason: 'Wrong paper' }],
    ] as const)
      expect(
        (await h.call(`/api/drafts/${id}/${action}`, { method: 'POST', token: h.tokens.reviewer, json }))
          .status,
      ).toBe(200);
    await until('six attempts', async () => receiver.requests.length >= 6);
    const deliveries = await until('all failed', async () => {
      const all = await h.deps.webhooks.deliveries(hookId, 10);
      return all.length === 3 && all.every((d) => d.status === 'failed') ? all : null;
    });
    expect(deliveries.map((d) => d.attempts)).toEqual([2, 2, 2]);
    expect(eventsSeen()).toEqual([
      'approved',
      'approved',
      'published',
      'published',
      'unpublished',
      'unpublished',
    ]);
    expect(receiver.requests.every((r) => verifies(oldSecret, r))).toBe(true);
    expect(receiver.requests.some((r) => r.headers['x-laysum-signature'] !== undefined)).toBe(false);
  });

  it('signs with the new and the old secret after a rotation', async () => {
    const cli = await runCli(['webhooks', 'rotate', hookId, '--json'], {
      REDIS_URL: h.p.config.redis.url,
      LAYSUM_PREFIX: h.p.config.redis.prefix,
    });
    expect(cli.code, cli.stderr).toBe(0);
    const { secret } = JSON.parse(cli.stdout) as { secret: string };
    expect(secret).not.toBe(oldSecret);
    answer = 204;
    const before = receiver.requests.length;
    const report = await resendSince(
      lineDeps(h.deps.webhooks, h.deps.queues, h.p.config),
      [hookId],
      0,
      'test',
    );
    expect(report).toMatchObject({ resent: 3, papers: 1, waiting: [] });
    const again = await until('three resent', async () => {
      const next = receiver.requests.slice(before);
      return next.length >= 3 ? next : null;
    });
    expect(again.map((r) => JSON.parse(r.body).event)).toEqual(['approved', 'published', 'unpublished']);
    for (const r of again) {
      expect(String(r.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verifies(secret, r)).toBe(true);
      expect(verifies(oldSecret, r)).toBe(true);
    }
    expect(h.logs.join('\n')).not.toContain(secret.slice(6));
  });

  it('resends and rotates through the API too, for admins only', async () => {
    const api = (path: string, json: unknown, token = h.tokens.admin) =>
      h.call(`/api/webhooks/${hookId}/${path}`, { method: 'POST', token, json });
    const before = receiver.requests.length;
    const res = await api('resend', { since: '1h' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ resent: 3, papers: 1, waiting: [] });
    await until('three more', async () => receiver.requests.length >= before + 3);
    const bad = await api('resend', { since: 'soon' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/is not a time in the past/);
    expect((await api('resend', { since: '1h' }, h.tokens.reviewer)).status).toBe(403);
    const rotated = await api('rotate', {});
    expect(rotated.status).toBe(200);
    expect(await rotated.json()).toMatchObject({ id: hookId, secret: expect.stringMatching(/^whsec_/) });
  });
});
