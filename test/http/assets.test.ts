/**
 * The desk's script and stylesheet are real files served at addresses that
 * carry a hash of their content: a browser keeps them for good (a changed
 * file gets a new address), asks again with the ETag and is told nothing
 * changed, and an address of an old build finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, signIn, startHttp } from './support.ts';

let h: HttpHarness;
let page = '';
let csp = '';

beforeAll(async () => {
  h = await startHttp();
  const res = await (await signIn(h, h.tokens.reviewer)).get('/desk');
  csp = res.headers.get('content-security-policy') ?? '';
  page = await res.text();
});
afterAll(async () => {
  await h.cleanup();
});

function linked(pattern: RegExp): string {
  const url = page.match(pattern)?.[1];
  expect(url, 'the desk page links its asset').toBeTruthy();
  return url ?? '';
}

describe('desk assets', () => {
  it('links one script and one stylesheet, nothing inline, and the CSP allows no inline style', async () => {
    for (const html of [page, await (await h.call('/login')).text()]) {
      expect(html).not.toMatch(/<style|\sstyle=/);
      expect(html).not.toMatch(/<script[^>]*>[^<]/);
    }
    expect(csp).toMatch(/style-src 'self';/);
  });

  it('serves the script and the stylesheet with year-long immutable caching and their own type', async () => {
    for (const [url, type, text] of [
      [linked(/<script nonce="[^"]+" src="([^"]+)"/), 'text/javascript', 'window.laysumDesk'],
      [linked(/<link rel="stylesheet" href="([^"]+)"/), 'text/css', '.sentence-links'],
    ] as const) {
      expect(url).toMatch(/^\/assets\/desk\.[0-9a-f]{16}\.(js|css)$/);
      const res = await h.call(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toContain(text);
      const again = await h.call(url, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
      expect(again.status).toBe(304);
    }
  });

  it('answers 404 for an address of another build', async () => {
    expect((await h.call('/assets/desk.0000000000000000.js')).status).toBe(404);
  });
});
