/**
 * Webhooks end to end: an admin registers URLs on the desk (and with the
 * CLI), real workers move a paper through drafted, approved, published,
 * unpublished, and a PMID through failed, and real local HTTP receivers
 * check every signature. One receiver fails twice then succeeds (retries with
 * backoff), one always fails (the final status is shown to admins). The
 * secret is shown once and never logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../src/webhooks/sign.ts';
import { runCli } from '../support/cli.ts';
import { type RecordedRequest, startServer, type TestServer } from '../support/http-server.ts';
import {
  fillPlaceholders,
  type HttpHarness,
  paperText,
  signIn,
  startHttp,
  type WebSession,
} from './support.ts';

interface Received {
  event: string;
  delivery: string;
  valid: boolean;
  body: { id: string; event: string; paper: { id: string; title: string; publicUrl: string | null } };
}

let h: HttpHarness;
let admin: WebSession;
let receivers: TestServer;
let ncbiDown: TestServer;
const secrets: Record<string, string> = {};
const received: { good: Received[]; flaky: Received[]; dead: Received[] } = { good: [], flaky: [], dead: [] };
let flakyCalls = 0;

function check(name: string, req: RecordedRequest): Received {
  const secret = secrets[name] ?? '';
  const r: Received = {
    event: String(req.headers['x-laysum-event']),
    delivery: String(req.headers['x-laysum-delivery']),
    valid: verifySignature(secret, String(req.headers['x-laysum-signature']), req.body),
    body: JSON.parse(req.body),
  };
  if (name === 'good' || name === 'flaky' || name === 'dead') received[name].push(r);
  return r;
}

beforeAll(async () => {
  receivers = await startServer((req, res) => {
    const name = req.url.pathname.slice(1);
    const r = check(name, req);
    const ok = r.valid && (name === 'good' || (name === 'flaky' && ++flakyCalls > 2));
    res.writeHead(r.valid ? (ok ? 204 : 500) : 401);
    res.end();
  });
  ncbiDown = await startServer((_req, res) => {
    res.writeHead(503);
    res.end('down');
  });
  h = await startHttp({
    WEBHOOK_BACKOFF_MS: '50',
    WEBHOOK_ATTEMPTS: '4',
    NCBI_EUTILS_URL: ncbiDown.url,
    HTTP_ATTEMPTS: '1',
    HTTP_TIMEOUT_MS: '2000',
  });
  admin = await signIn(h, h.tokens.admin);
});
afterAll(async () => {
  await h.cleanup();
  await receivers.close();
  await ncbiDown.close();
});

async function addHook(name: string, events: string[]): Promise<string> {
  const form = new URLSearchParams({ _csrf: admin.csrf, url: `${receivers.url}/${name}` });
  for (const e of events) form.append('events', e);
  const res = await fetch(`${h.url}/desk/admin/webhooks`, {
    method: 'POST',
    body: form,
    headers: { accept: 'text/html', 'sec-fetch-site': 'same-origin', cookie: admin.cookie },
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  const secret = /id="new-secret">([^<]+)</.exec(html)?.[1]?.trim() ?? '';
  expect(secret).toMatch(/^whsec_/);
  secrets[name] = secret;
  return /Signing secret for (h[0-9a-f]+)/.exec(html)?.[1] ?? '';
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('signatures', () => {
  it('are HMAC-SHA256 over timestamp.body, and a changed body, secret or old timestamp fails', () => {
    const body = '{"event":"published"}';
    const header = signatureHeader('whsec_x', body, 1_700_000_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    const at = { now: 1_700_000_010_000 };
    expect(verifySignature('whsec_x', header, body, at)).toBe(true);
    expect(verifySignature('whsec_x', header, `${body} `, at)).toBe(false);
    expect(verifySignature('whsec_y', header, body, at)).toBe(false);
    expect(verifySignature('whsec_x', header, body, { now: 1_700_001_000_000 })).toBe(false);
    expect(verifySignature('whsec_x', 'garbage', body, at)).toBe(false);
  });
});

describe('webhooks', () => {
  let hooks: Record<string, string>;

  it('registers hooks on the desk, showing each secret once', async () => {
    hooks = {
      good: await addHook('good', ['drafted', 'approved', 'published', 'unpublished', 'failed']),
      flaky: await addHook('flaky', ['drafted']),
      dead: await addHook('dead', ['drafted']),
    };
    const page = await (await admin.get('/desk/admin/webhooks')).text();
    for (const s of Object.values(secrets)) expect(page).not.toContain(s);
    expect(page).toContain(`${receivers.url}/good`);
    const none = await admin.post('/desk/admin/webhooks', { url: `${receivers.url}/x` });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose at least one event.');
    const bad = await admin.post('/desk/admin/webhooks', { url: 'ftp://x', events: 'approved' });
    expect(await bad.text()).toContain('is not an http(s) URL');
    const editor = await signIn(h, h.tokens.editor);
    expect((await editor.get('/desk/admin/webhooks')).status).toBe(403);
  });

  it('delivers drafted, approved, published and unpublished, signed, with the paper', async () => {
    await h.p.start();
    const title = 'Balance classes and hip fractures: webhooks';
    const submitted = await h.call('/api/papers', {
      method: 'POST',
      token: h.tokens.editor,
      json: { text: paperText(title) },
    });
    const { id } = (await submitted.json()) as { id: string };
    await h.p.waitFor(id, ['pending_review']);
    const version = await fillPlaceholders(h, id, 1);
    const post = (action: string, json: unknown) =>
      h.call(`/api/drafts/${id}/${action}`, { method: 'POST', token: h.tokens.reviewer, json });
    expect((await post('approve', { basedOn: version })).status).toBe(200);
    expect((await post('publish', { basedOn: version })).status).toBe(200);
    expect((await post('unpublish', { reason: 'Wrong paper' })).status).toBe(200);

    const events = await until('four events', async () => {
      const mine = received.good.filter((r) => r.body.paper.id === id);
      return mine.length >= 4 ? mine : null;
    });
    expect(events.map((e) => e.event)).toEqual(['drafted', 'approved', 'published', 'unpublished']);
    for (const e of events) {
      expect(e.valid).toBe(true);
      expect(e.body.event).toBe(e.event);
      expect(e.body.id).toBe(e.delivery);
      expect(e.body.paper.title).toBe(title);
    }
    expect(events[2]?.body.paper.publicUrl).toMatch(/\/s\/[a-z0-9-]+$/);
    expect(new Set(events.map((e) => e.delivery)).size).toBe(4);
  });

  it('retries a failing receiver with backoff until it answers, and shows the last status', async () => {
    const delivered = await until('flaky delivered', async () => {
      const [d] = await h.deps.webhooks.deliveries(hooks.flaky ?? '');
      return d?.status === 'delivered' ? d : null;
    });
    expect(delivered.attempts).toBe(3);
    expect(received.flaky.filter((r) => r.delivery === delivered.id)).toHaveLength(3);
    expect(received.flaky.every((r) => r.valid)).toBe(true);
    const failed = await until('dead failed', async () => {
      const [d] = await h.deps.webhooks.deliveries(hooks.dead ?? '');
      return d?.status === 'failed' ? d : null;
    });
    expect(failed).toMatchObject({ attempts: 4, lastStatus: 500, lastError: 'HTTP 500' });
    const page = await (await admin.get('/desk/admin/webhooks')).text();
    expect(page).toContain('delivered (HTTP 204, attempt 3)');
    expect(page).toContain('failed: HTTP 500 (attempt 4)');
  });

  it('delivers failed when a paper gives up', async () => {
    const id = await h.p.submit({ kind: 'pmid', pmid: '30158200' });
    await h.p.waitFor(id, ['failed']);
    const e = await until('failed event', async () => received.good.find((r) => r.body.paper.id === id));
    expect(e).toMatchObject({ event: 'failed', valid: true });
  });

  it('never logs a secret, and removes a hook with its deliveries', async () => {
    for (const s of Object.values(secrets)) expect(h.logs.join('\n')).not.toContain(s);
    const res = await admin.post(`/desk/admin/webhooks/${hooks.dead}/remove`, {});
    expect(res.headers.get('location')).toBe('/desk/admin/webhooks?done=webhook-removed');
    expect(await h.deps.webhooks.get(hooks.dead ?? '')).toBeNull();
    expect(await h.deps.webhooks.deliveries(hooks.dead ?? '')).toEqual([]);
  });
});

describe('laysum webhooks', () => {
  it('adds (secret printed once), lists with deliveries and removes', async () => {
    const env = {
      REDIS_URL: h.p.config.redis.url,
      LAYSUM_PREFIX: h.p.config.redis.prefix,
      LLM_PROVIDER: 'extractive',
    };
    const add = await runCli(
      ['webhooks', 'add', 'https://cms.example.org/hook', '--events', 'published', '--json'],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    const created = JSON.parse(add.stdout) as { id: string; secret: string; events: string[] };
    expect(created.events).toEqual(['published']);
    const list = await runCli(['webhooks', 'list'], env);
    expect(list.stdout).toContain(`${created.id}  https://cms.example.org/hook  (published)`);
    expect(list.stdout).not.toContain(created.secret);
    expect(list.stdout).toMatch(/delivered \(HTTP 204/);
    const bad = await runCli(['webhooks', 'add', 'https://x.example', '--events', 'sent'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Unknown event "sent"');
    expect((await runCli(['webhooks', 'remove', created.id], env)).stdout).toContain(
      `Removed ${created.id}.`,
    );
  });
});
