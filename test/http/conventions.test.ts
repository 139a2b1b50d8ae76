/**
 * HTTP conventions a publisher's systems expect: errors as RFC 9457 problem
 * details (still with `error` and `hint`), `WWW-Authenticate` on 401, 405
 * with `Allow` for a wrong method; public pages and feeds with ETag and
 * Last-Modified answering conditional GETs with 304, compressed on request,
 * and readable from other origins (feeds and public JSON); RSS
 * lastBuildDate moves with a correction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, publishedPaper, startHttp } from './support.ts';

let h: HttpHarness;
let id = '';
let slug = '';

beforeAll(async () => {
  h = await startHttp();
  await h.p.start();
  ({ id, slug } = await publishedPaper(h, 'Balance classes and hip fractures: conventions'));
});
afterAll(async () => {
  await h.cleanup();
});

describe('errors', () => {
  it('are problem details with error and hint, and a 401 says how to authenticate', async () => {
    const res = await h.call('/api/drafts');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="LaySum"');
    const body = await res.json();
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      instance: '/api/drafts',
    });
    expect(body.detail).toBe(body.error);
    expect(body.hint).toMatch(/Authorization: Bearer/);
  });

  it('answer a wrong method with 405 and Allow', async () => {
    const res = await h.call('/feed.json', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const put = await h.call('/api/papers', { method: 'PUT', token: h.tokens.editor });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('POST');
    expect((await h.call('/api/nothing-here', { token: h.tokens.editor })).status).toBe(404);
  });
});

describe('public pages and feeds', () => {
  for (const path of ['/feed.json', '/feed.xml', '/', '/s/SLUG', '/data/SLUG.json', '/sitemap.xml']) {
    it(`${path}: ETag and conditional GET`, async () => {
      const url = path.replace('SLUG', slug);
      const first = await h.call(url);
      expect(first.status).toBe(200);
      const tag = first.headers.get('etag');
      expect(tag).toMatch(/^W\/"/);
      const again = await h.call(url, { headers: { 'if-none-match': tag ?? '' } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const modified = first.headers.get('last-modified');
      if (modified) {
        const since = await h.call(url, { headers: { 'if-modified-since': modified } });
        expect(since.status).toBe(304);
        const before = new Date(Date.parse(modified) - 60_000).toUTCString();
        expect((await h.call(url, { headers: { 'if-modified-since': before } })).status).toBe(200);
      }
    });
  }

  it('has Last-Modified on pages and the RSS feed, and compresses on request', async () => {
    expect((await h.call(`/s/${slug}`)).headers.get('last-modified')).toMatch(/GMT$/);
    expect((await h.call('/feed.xml')).headers.get('last-modified')).toMatch(/GMT$/);
    const gz = await h.call('/feed.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await gz.json()).items[0].id).toBe(id);
    // The gzip form shares the weak ETag, so a cached gzip copy revalidates too.
    const tag = gz.headers.get('etag') ?? '';
    expect((await h.call('/feed.json')).headers.get('etag')).toBe(tag);
    const revalidated = await h.call('/feed.json', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': tag },
    });
    expect(revalidated.status).toBe(304);
    const page = await h.call(`/s/${slug}`, { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toContain('</html>');
    const refused = await h.call(`/s/${slug}`, { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('lets other origins read the feeds and the public JSON', async () => {
    const origin = { origin: 'https://cms.example.org' };
    for (const path of ['/feed.json', '/feed.xml', `/data/${slug}.json`]) {
      const res = await h.call(path, { headers: origin });
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    const data = await (await h.call(`/data/${slug}.json`)).json();
    expect(data).toMatchObject({ id, slug });
    expect(
      (await h.call('/desk', { headers: origin })).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('moves the RSS lastBuildDate when a correction is published', async () => {
    const built = () =>
      h.call('/feed.xml').then(async (r) => /<lastBuildDate>([^<]+)</.exec(await r.text())?.[1]);
    const before = await built();
    const tagBefore = (await h.call('/feed.json')).headers.get('etag');
    await new Promise((r) => setTimeout(r, 1100));
    const edit = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: {
        basedOn: 2,
        changes: { takeaway: 'Weekly balance classes may lower the risk of a broken hip.' },
      },
    });
    const { version } = (await edit.json()) as { version: number };
    for (const action of ['approve', 'publish'])
      expect(
        (
          await h.call(`/api/drafts/${id}/${action}`, {
            method: 'POST',
            token: h.tokens.reviewer,
            json: { basedOn: version },
          })
        ).status,
      ).toBe(200);
    const after = await built();
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
    // A changed feed gets a new ETag: a client holding the old one gets the new text, not 304.
    const changed = await h.call('/feed.json', { headers: { 'if-none-match': tagBefore ?? '' } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('broken hip');
  });
});
