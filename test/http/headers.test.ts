/**
 * Caching and cookie headers: desk, API and dashboard answers are never
 * stored by a browser or proxy (published pages may be); the sign-in CSRF
 * cookie is Secure when the browser came over https, including behind a
 * trusted proxy that says so in X-Forwarded-Proto.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, signIn, startHttp } from './support.ts';

let h: HttpHarness;
let behindProxy: HttpHarness;

beforeAll(async () => {
  h = await startHttp();
  behindProxy = await startHttp({ TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await h.cleanup();
  await behindProxy.cleanup();
});

describe('Cache-Control', () => {
  it('is no-store on the desk, the sign-in page, the API (answers and errors) and the health checks', async () => {
    const web = await signIn(h, h.tokens.reviewer);
    const answers = [
      await web.get('/desk'),
      await web.get('/desk/history'),
      await h.call('/login'),
      await h.call('/api/drafts', { token: h.tokens.reviewer }),
      await h.call('/api/drafts'),
      await h.call('/api/drafts/pnothere00000', { token: h.tokens.reviewer }),
      await h.call('/healthz'),
    ];
    for (const res of answers)
      expect([res.url, res.headers.get('cache-control')]).toEqual([res.url, 'no-store']);
  });

  it('is left alone on the published site and its feeds', async () => {
    for (const path of ['/', '/feed.json', '/feed.xml']) {
      const res = await h.call(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control') ?? '').not.toContain('no-store');
    }
  });
});

function loginCookie(res: Response): string {
  return res.headers.getSetCookie().find((c) => c.startsWith('laysum_login_csrf=')) ?? '';
}

describe('the sign-in CSRF cookie', () => {
  it('is not Secure over plain http', async () => {
    expect(loginCookie(await h.call('/login'))).not.toMatch(/;\s*Secure/i);
  });

  it('is Secure behind a trusted proxy that says the browser used https', async () => {
    const res = await behindProxy.call('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(loginCookie(res)).toMatch(/;\s*Secure/i);
  });

  it('ignores X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const res = await h.call('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(loginCookie(res)).not.toMatch(/;\s*Secure/i);
  });
});
