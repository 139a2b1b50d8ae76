/**
 * Webhook order, retries and resending through a receiver that fails, goes
 * away (connection refused) and comes back on the same port: a paper's
 * events reach it in the order they happened, each waiting for the one
 * before, so "unpublished" never lands before "published"; the published
 * event carries the approved text and the unpublished one nothing. An admin
 * then resends one delivery on the desk (its paper's later ones follow, so
 * the receiver ends withdrawn again) and everything since a time with the
 * CLI. Every request is checked with the `standardwebhooks` library.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  type HttpHarness,
  paperText,
  REVIEWER_FILL,
  signIn,
  startHttp,
  type WebSession,
} from '../http/support.ts';
import { runCli } from '../support/cli.ts';

interface Seen {
  id: string;
  event: string;
  answered: number | null;
  verified: boolean;
  body: {
    event: string;
    paper: { id: string; slug: string | null };
    content: Record<string, unknown> | null;
  };
}

let mode: 'fail' | 'ok' = 'fail';
const seen: Seen[] = [];
let secret = '';
let port = 0;
let server: Server | null = null;

function verify(body: string, headers: Record<string, string | string[] | undefined>): boolean {
  try {
    new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}

async function startReceiver(): Promise<void> {
  const s = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const status = mode === 'ok' ? 204 : 500;
    seen.push({
      id: String(req.headers['webhook-id']),
      event: JSON.parse(body).event,
      answered: status,
      verified: verify(body, req.headers),
      body: JSON.parse(body),
    });
    res.writeHead(status);
    res.end();
  });
  await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
  port = (s.address() as AddressInfo).port;
  server = s;
}

async function stopReceiver(): Promise<void> {
  const s = server;
  server = null;
  if (!s) return;
  s.closeAllConnections();
  await new Promise<void>((resolve) => s.close(() => resolve()));
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let h: HttpHarness;
let admin: WebSession;
let hookId = '';
let paperId = '';
const EVENTS = ['drafted', 'approved', 'published', 'unpublished'];

beforeAll(async () => {
  await startReceiver();
  h = await startHttp({
    WEBHOOK_BACKOFF_MS: '100',
    WEBHOOK_MAX_BACKOFF_MS: '400',
    WEBHOOK_GIVE_UP_AFTER_S: '3600',
    FETCH_ALLOW_PRIVATE: '127.0.0.1',
  });
  admin = await signIn(h, h.tokens.admin);
  const form = new URLSearchParams({ _csrf: admin.csrf, url: `http://127.0.0.1:${port}/hook` });
  for (const e of EVENTS) form.append('events', e);
  const res = await fetch(`${h.url}/desk/admin/webhooks`, {
    method: 'POST',
    body: form,
    headers: { accept: 'text/html', 'sec-fetch-site': 'same-origin', cookie: admin.cookie },
  });
  const html = await res.text();
  secret = /id="new-secret">([^<]+)</.exec(html)?.[1]?.trim() ?? '';
  hookId = /Signing secret for (h[0-9a-f]+)/.exec(html)?.[1] ?? '';
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
});
afterAll(async () => {
  await h.cleanup();
  await stopReceiver();
});

const mine = () => seen.filter((s) => s.body.paper.id === paperId);

describe('a paper’s events to one receiver', () => {
  it('wait in order while the receiver fails, is away and comes back', async () => {
    await h.p.start();
    const submitted = await h.call('/api/papers', {
      method: 'POST',
      token: h.tokens.editor,
      json: { text: paperText('Balance classes and hip fractures: ordered webhooks') },
    });
    paperId = ((await submitted.json()) as { id: string }).id;
    await h.p.waitFor(paperId, ['pending_review']);
    const version = await fillPlaceholders(h, paperId, 1);
    const post = (action: string, json: unknown) =>
      h.call(`/api/drafts/${paperId}/${action}`, { method: 'POST', token: h.tokens.reviewer, json });
    expect((await post('approve', { basedOn: version })).status).toBe(200);
    expect((await post('publish', { basedOn: version })).status).toBe(200);
    // Dispatched while live, so it carries the summary (dispatched after the withdrawal it would carry none).
    await until('the published delivery made', async () =>
      (await h.deps.webhooks.deliveries(hookId, 10)).some((d) => d.event === 'published'),
    );
    expect((await post('unpublish', { reason: 'Wrong paper' })).status).toBe(200);

    // Failing: the first event is tried again and again, and nothing after it is sent.
    await until('three failed attempts', async () => mine().length >= 3);
    expect(new Set(mine().map((s) => s.event))).toEqual(new Set(['drafted']));

    // Away: connections are refused; the delivery keeps retrying.
    await stopReceiver();
    const refused = await until('a refused attempt recorded', async () => {
      const [d] = (await h.deps.webhooks.deliveries(hookId, 10)).filter((x) => x.event === 'drafted');
      return d?.status === 'retrying' && d.lastStatus === null ? d : null;
    });
    expect(refused.lastError).toMatch(/ECONNREFUSED|refused|fetch failed/i);

    // Back, answering: the four events arrive, each once, in order.
    mode = 'ok';
    await startReceiver();
    await until('unpublished delivered', async () =>
      mine().some((s) => s.event === 'unpublished' && s.answered === 204),
    );
    const accepted = mine().filter((s) => s.answered === 204);
    expect(accepted.map((s) => s.event)).toEqual(EVENTS);
    expect(seen.every((s) => s.verified)).toBe(true);
    // A later event was never sent before every earlier one had been accepted.
    const firstTry = EVENTS.map((e) => mine().findIndex((s) => s.event === e));
    const accept = EVENTS.map((e) => mine().findIndex((s) => s.event === e && s.answered === 204));
    for (let i = 1; i < EVENTS.length; i++) expect(firstTry[i]).toBeGreaterThan(accept[i - 1] ?? -1);
  });

  it('carries the approved text on published and nothing on unpublished', () => {
    const published = mine().find((s) => s.event === 'published')?.body;
    expect(published?.content).toMatchObject({ whoShouldCare: REVIEWER_FILL.audience });
    expect(published?.content?.url).toBe(`${h.p.config.http.publicBaseUrl}/s/${published?.paper.slug}`);
    expect(mine().find((s) => s.event === 'unpublished')?.body.content).toBeNull();
  });

  it('resends one delivery from the desk, followed by the paper’s later ones', async () => {
    const deliveries = await h.deps.webhooks.deliveries(hookId, 10);
    const published = deliveries.find((d) => d.paperId === paperId && d.event === 'published');
    expect(published?.status).toBe('delivered');
    const count = mine().length;
    const res = await admin.post(`/desk/admin/webhooks/${hookId}/resend`, { delivery: published?.id ?? '' });
    expect(await res.text()).toContain('Resent 2 deliveries for 1 paper.');
    const again = await until('published and unpublished again', async () => {
      const next = mine().slice(count);
      return next.length >= 2 ? next : null;
    });
    expect(again.map((s) => s.event)).toEqual(['published', 'unpublished']);
    // A new message id, so a receiver that deduplicates processes it again.
    expect(again[0]?.id).toBe(`${published?.id}-r1`);
    expect(again.every((s) => s.verified)).toBe(true);
    const page = await (await admin.get('/desk/admin/webhooks')).text();
    expect(page).toContain('Resend everything since');
  });

  it('resends everything since a time with the CLI, in order', async () => {
    const count = mine().length;
    const cli = await runCli(['webhooks', 'resend', '--since', '1h', '--hook', hookId], {
      REDIS_URL: h.p.config.redis.url,
      LAYSUM_PREFIX: h.p.config.redis.prefix,
      LLM_PROVIDER: 'extractive',
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('Resent 4 deliveries for 1 paper.');
    const again = await until('all four again', async () => {
      const next = mine().slice(count);
      return next.length >= 4 ? next : null;
    });
    expect(again.map((s) => s.event)).toEqual(EVENTS);
    const bad = await runCli(['webhooks', 'resend', '--since', 'yesterday-ish'], {
      REDIS_URL: h.p.config.redis.url,
      LAYSUM_PREFIX: h.p.config.redis.prefix,
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not a time in the past');
  });
});
