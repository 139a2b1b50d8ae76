/**
 * The live site and the export give a summary one address: the canonical
 * link, og:url, JSON-LD, JSON Feed url, RSS guid and sitemap are the same in
 * both, and the export's `/s/<slug>.html` answers the live site with a 301 to
 * it. sitemap.xml and robots.txt are the same files live and exported; a
 * withdrawn summary leaves the sitemap at once. Browsers get an HTML 404 for
 * a missing public address.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePages } from '../../src/http/site/views/pages.ts';
import { exportSite } from '../../src/publish/export.ts';
import { loadPublished } from '../../src/publish/published.ts';
import { type HttpHarness, publishedPaper, startHttp } from './support.ts';

let h: HttpHarness;
let dir: string;
let id = '';
let slug = '';
const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeAll(async () => {
  h = await startHttp();
  dir = await mkdtemp(join(tmpdir(), 'laysum-site-files-'));
  await h.p.start();
  ({ id, slug } = await publishedPaper(h, 'Balance classes and hip fractures: one address'));
  const { publicBaseUrl: baseUrl, disclaimer } = h.p.config.http;
  await exportSite(await loadPublished(h.p.ctx.store), dir, { baseUrl, disclaimer, pages: sitePages });
});
afterAll(async () => {
  await h.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const exported = (path: string) => readFile(join(dir, path), 'utf8');
const live = async (path: string) => (await h.call(path)).text();
const canonical = (html: string) => /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];
const ld = (html: string) => /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];

describe('one address, live and exported', () => {
  it('gives the page the same canonical URL, og:url and JSON-LD in both', async () => {
    const url = `${h.p.config.http.publicBaseUrl}/s/${slug}`;
    const [page, file] = [await live(`/s/${slug}`), await exported(`s/${slug}.html`)];
    expect(canonical(page)).toBe(url);
    expect(canonical(file)).toBe(url);
    expect(file).toContain(`<meta property="og:url" content="${url}">`);
    expect(ld(file)).toBe(ld(page));
    expect(JSON.parse(ld(page) ?? '{}').url).toBe(url);
  });

  it('gives the feeds and the public JSON the same urls and guids', async () => {
    const url = `${h.p.config.http.publicBaseUrl}/s/${slug}`;
    const liveFeed = JSON.parse(await live('/feed.json'));
    const fileFeed = JSON.parse(await exported('feed.json'));
    expect(liveFeed.items[0]).toMatchObject({ id, url });
    expect(fileFeed.items[0]).toMatchObject({ id, url });
    const guid = (xml: string) => /<guid isPermaLink="true">([^<]+)<\/guid>/.exec(xml)?.[1];
    expect(guid(await live('/feed.xml'))).toBe(url);
    expect(guid(await exported('feed.xml'))).toBe(url);
    const data = JSON.parse(await exported(`data/${slug}.json`));
    expect(data).toMatchObject({ id, slug, version: expect.any(Number), url });
  });

  it('serves the same sitemap.xml and robots.txt as the export writes', async () => {
    const sitemap = await h.call('/sitemap.xml');
    expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
    const text = await sitemap.text();
    expect(text).toContain(`<loc>${h.p.config.http.publicBaseUrl}/s/${slug}</loc>`);
    expect(text).toBe(await exported('sitemap.xml'));
    const robots = await live('/robots.txt');
    expect(robots).toBe(await exported('robots.txt'));
    expect(robots).toContain(`Sitemap: ${h.p.config.http.publicBaseUrl}/sitemap.xml`);
    expect(robots).toMatch(/^Disallow: \/desk$/m);
    const image = await h.call('/og-image.png');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(await readFile(join(dir, 'og-image.png')));
  });

  it('sends the export’s .html address to the one URL', async () => {
    const res = await h.call(`/s/${slug}.html`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/s/${slug}`);
  });

  it('answers browsers with an HTML 404 for a missing public address', async () => {
    for (const path of ['/no-such-page', '/s/no-such-summary-p000000000000', '/topics/x.html']) {
      const res = await h.call(path, { headers: browser });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await res.text(), path).toContain('No published summary at this address.');
    }
  });

  it('drops a withdrawn summary from the sitemap at once', async () => {
    const res = await h.call(`/api/drafts/${id}/unpublish`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { reason: 'Wrong paper' },
    });
    expect(res.status).toBe(200);
    expect(await live('/sitemap.xml')).not.toContain(slug);
  });
});
