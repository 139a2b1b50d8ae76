/**
 * Server-side request forgery through watches and webhooks, on the real app:
 * an internal address is refused when an admin adds it (400 naming
 * FETCH_ALLOW_PRIVATE), and again when a worker would fetch it (a watch or a
 * hook already stored, a redirect from an allowed server); no refusal or
 * failure shows what the internal service answered.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPollDeps } from '../../src/runtime/sources.ts';
import { pollWatch } from '../../src/watch/poll.ts';
import { startServer, type TestServer } from '../support/http-server.ts';
import { type HttpHarness, startHttp } from './support.ts';

const SECRET = 'INTERNAL-SECRET-5be1';
let internal: TestServer;
let redirector: TestServer;
let h: HttpHarness;

const secretAnswer = (res: ServerResponse, status: number) => {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(`${SECRET} -ERR unknown command`);
};

beforeAll(async () => {
  internal = await startServer((req, res) =>
    secretAnswer(res, req.url.pathname === '/forbidden' ? 403 : 200),
  );
  redirector = await startServer((req, res) => {
    res.writeHead(302, { location: req.url.searchParams.get('to') ?? '/' });
    res.end();
  }, '127.0.0.2');
  // Only the "outside" server on 127.0.0.2 is allowed; 127.0.0.1 plays the internal network.
  h = await startHttp({ FETCH_ALLOW_PRIVATE: '127.0.0.2', WEBHOOK_ATTEMPTS: '3', WEBHOOK_BACKOFF_MS: '50' });
});
afterAll(async () => {
  await h.cleanup();
  await internal.close();
  await redirector.close();
});

const ISSUE_LIST = [
  'http://127.0.0.1:6379/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://2852039166/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://10.0.0.1/',
];

async function post(path: string, json: unknown) {
  const res = await h.call(path, { method: 'POST', token: h.tokens.admin, json });
  return { status: res.status, body: (await res.json()) as { error: string; hint: string } };
}

describe('adding an internal destination', () => {
  it.each(ISSUE_LIST)('a feed watch on %s is refused with 400 naming FETCH_ALLOW_PRIVATE', async (url) => {
    const { status, body } = await post('/api/watches', { kind: 'feed', target: url, every: '1h' });
    expect(status).toBe(400);
    expect(body.error).toMatch(/^Refused to watch http:\/\/\S+: \S+ is (a|an) .*(address|network)/);
    expect(body.hint).toContain('FETCH_ALLOW_PRIVATE');
  });

  it.each(ISSUE_LIST)('a webhook to %s is refused with 400 naming FETCH_ALLOW_PRIVATE', async (url) => {
    const { status, body } = await post('/api/webhooks', { url });
    expect(status).toBe(400);
    expect(body.error).toMatch(/^Refused to send webhooks to http:\/\/\S+: /);
    expect(body.hint).toContain('FETCH_ALLOW_PRIVATE');
  });

  it('nothing was stored or polled for them', async () => {
    expect(await h.deps.watches.list()).toEqual([]);
    expect(await h.deps.webhooks.list()).toEqual([]);
    expect(internal.requests.length).toBe(0);
  });
});

/** Poll a feed watch stored as if it had been added before the rule existed. */
async function pollStored(target: string) {
  const watch = await h.p.ctx.watches.add({ kind: 'feed', target, everyMs: 3_600_000, createdBy: 'test' });
  return pollWatch(createPollDeps(h.p.ctx), watch);
}

describe('fetching an internal destination anyway', () => {
  it('a stored feed watch on the internal server fails its poll without reaching it', async () => {
    const report = await pollStored(`${internal.url}/`);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(
      /Refused to fetch http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/,
    );
    expect(report.error).toContain('FETCH_ALLOW_PRIVATE');
    expect(internal.requests.length).toBe(0);
  });

  it('a feed on an allowed server that redirects inside is refused at the redirect', async () => {
    for (const to of [`${internal.url}/`, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:6379/']) {
      const report = await pollStored(`${redirector.url}/feed?to=${encodeURIComponent(to)}`);
      expect(report.ok).toBe(false);
      expect(report.error).toMatch(/Refused to fetch http:\/\/\S+: \S+ is a (loopback|link-local) address/);
      expect(report.error).not.toContain(SECRET);
    }
    expect(internal.requests.length).toBe(0);
  });

  it('a stored webhook to the internal server fails at once, unsent, without retries', async () => {
    const { hook } = await h.p.ctx.webhooks.add({
      url: `${internal.url}/hook`,
      events: ['drafted'],
      createdBy: 'test',
    });
    await h.p.start({ stages: ['webhook'] });
    const now = new Date().toISOString();
    const delivery = {
      id: 'd-ssrf-1',
      hookId: hook.id,
      event: 'drafted' as const,
      paperId: 'p1',
      body: '{}',
      status: 'pending' as const,
      attempts: 0,
      lastStatus: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    await h.p.ctx.webhooks.createDelivery(delivery);
    const { enqueueDelivery } = await import('../../src/queue/queues.ts');
    await enqueueDelivery(h.p.ctx.queues, h.p.config, hook.id, delivery.id);
    let stored = await h.p.ctx.webhooks.delivery(hook.id, delivery.id);
    for (let i = 0; i < 400 && stored?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      stored = await h.p.ctx.webhooks.delivery(hook.id, delivery.id);
    }
    expect(stored).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
    expect(stored?.lastError).toMatch(
      /Refused to fetch http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/,
    );
    expect(internal.requests.length).toBe(0);
  });
});

describe('an allowed internal server that fails', () => {
  it('never has its answer quoted in the poll error', async () => {
    const allowed = await startHttp({ FETCH_ALLOW_PRIVATE: '127.0.0.1' });
    try {
      const poll = async (path: string) => {
        const target = `${internal.url}${path}`;
        const watch = await allowed.p.ctx.watches.add({
          kind: 'feed',
          target,
          everyMs: 3_600_000,
          createdBy: 'test',
        });
        return pollWatch(createPollDeps(allowed.p.ctx), watch);
      };
      const notFeed = await poll('/');
      expect(notFeed.error).toMatch(/is not an RSS or Atom feed \(it is plain text or another format\)/);
      const refused = await poll('/forbidden');
      expect(refused.error).toMatch(/refused the request: HTTP 403/);
      for (const r of [notFeed, refused]) expect(r.error).not.toContain(SECRET);
    } finally {
      await allowed.cleanup();
    }
  });
});
