/**
 * The web app's log: one JSON line per request with method, path (never the
 * query), status, duration, user and client address, and never a header, a
 * cookie or a body; unexpected errors at error level with their stack, and
 * without the secrets their messages may carry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.tsx';
import { type HttpHarness, signIn, startHttp } from './support.ts';

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttp({ OPENAI_API_KEY: 'sk-live-0123456789abcdefXYZ', LLM_PROVIDER: 'extractive' });
});
afterAll(async () => {
  await h.cleanup();
});

const entries = () => h.logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the request log', () => {
  it('writes method, path, status, duration, user and address, and no header, cookie or query', async () => {
    const web = await signIn(h, h.tokens.reviewer);
    h.logs.length = 0;
    const res = await h.call('/api/drafts?q=hip&state=pending_review', { token: h.tokens.admin });
    expect(res.status).toBe(200);
    expect((await web.get('/desk?q=secret-search')).status).toBe(200);

    const [api, desk] = entries();
    expect(api).toMatchObject({
      level: 'info',
      name: 'serve',
      method: 'GET',
      path: '/api/drafts',
      status: 200,
    });
    expect(api).toMatchObject({ user: 'admin-1', remote: '127.0.0.1', durationMs: expect.any(Number) });
    expect(api?.msg).toMatch(
      /^GET \/api\/drafts 200 \d+ms user=admin-1 from=127\.0\.0\.1 req=[0-9a-f-]{36}$/,
    );
    // The request id is answered and on the line; a plain one from a proxy in front is kept.
    expect(api?.requestId).toBe(res.headers.get('x-request-id'));
    const traced = await h.call('/healthz', { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(traced.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const odd = await h.call('/healthz', { headers: { 'x-request-id': 'a b<c>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(desk).toMatchObject({ path: '/desk', status: 200, user: 'reviewer-1' });
    const raw = h.logs.join('');
    for (const secret of [
      h.tokens.admin,
      h.tokens.reviewer,
      web.cookie.split('=')[1] ?? '',
      'secret-search',
      'q=hip',
    ])
      expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/authorization|cookie|headers/i);
  });

  it('names an anonymous caller as nobody', async () => {
    h.logs.length = 0;
    expect((await h.call('/api/drafts')).status).toBe(401);
    expect(entries()[0]).toMatchObject({ status: 401, user: null });
  });

  it('logs an unexpected error with its stack at error level, scrubbed of secrets', async () => {
    const failing = new Proxy(h.deps.store, {
      get: () => () => {
        throw new Error(`store exploded near sk-live-0123456789abcdefXYZ and Bearer ${h.tokens.admin}`);
      },
    });
    const app = createApp({ ...h.deps, store: failing });
    h.logs.length = 0;
    const res = await app.fetch(
      new Request('http://laysum.test/api/drafts', {
        headers: { authorization: `Bearer ${h.tokens.admin}` },
      }),
    );
    expect(res.status).toBe(500);
    const [error, request] = entries();
    expect(error).toMatchObject({ level: 'error', method: 'GET', path: '/api/drafts' });
    expect(error?.requestId).toBe(res.headers.get('x-request-id'));
    expect(request?.requestId).toBe(error?.requestId);
    expect(error?.msg).toMatch(/^GET \/api\/drafts: unexpected error: store exploded/);
    expect(error).toMatchObject({
      err: { stack: expect.stringMatching(/^Error: store exploded[\s\S]*\n {4}at /) },
    });
    // Called without a server (app.fetch), there is no client address to give.
    expect(request).toMatchObject({ level: 'error', status: 500, remote: null });
    const raw = h.logs.join('');
    expect(raw).not.toContain('sk-live-0123456789abcdefXYZ');
    expect(raw).not.toContain(h.tokens.admin);
  });
});
