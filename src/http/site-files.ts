/**
 * The published site's files for machines: /sitemap.xml (every live summary,
 * checked like a feed so a withdrawn one is never listed), /robots.txt, the
 * share image /og-image.png and each summary's public JSON
 * /data/<slug>.json, the same as the export writes; the export's
 * `/s/<slug>.html` addresses, sent on to the one URL of each summary. And,
 * for every public answer: ETags with conditional GETs (./conditional.ts),
 * compression, and CORS on the feeds and the JSON so a widget on a
 * publisher's own site can read them.
 */
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import type { CreditWording } from '../publish/credit.ts';
import { safeJson } from '../publish/json.ts';
import { serverLinks } from '../publish/links.ts';
import { ogImagePng } from '../publish/og-image.ts';
import { publicSummary } from '../publish/public-json.ts';
import { idFromSlug } from '../publish/published.ts';
import { OG_IMAGE_FILE } from '../publish/site-identity.ts';
import { ROBOTS_FILE, robotsTxt, SITEMAP_FILE, sitemapXml } from '../publish/sitemap.ts';
import { ifModifiedSince } from './conditional.ts';
import { sendEncoded } from './encoded-body.ts';
import type { SiteCache } from './site-cache.ts';
import type { AppEnv } from './types.ts';

const READABLE_ANYWHERE = ['/feed.json', '/feed.xml', '/sitemap.xml', '/data/*'];

export function siteFileRoutes(
  app: Hono<AppEnv>,
  site: SiteCache,
  options: { baseUrl: string; credit: CreditWording },
): void {
  const links = serverLinks(options.baseUrl);
  app.use('*', compress(), etag({ weak: true }), ifModifiedSince());
  for (const path of READABLE_ANYWHERE) app.use(path, cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));
  app.get('/data/:file{.+\\.json}', async (c) => {
    const id = idFromSlug(c.req.param('file').slice(0, -'.json'.length));
    const found = id ? await site.summary(id) : null;
    if (!found) return c.notFound();
    if (`${found.item.slug}.json` !== c.req.param('file'))
      return c.redirect(`/data/${encodeURIComponent(found.item.slug)}.json`, 301);
    c.header('Last-Modified', new Date(found.item.updatedAt ?? found.item.publishedAt).toUTCString());
    return c.body(safeJson(publicSummary(found.item, links, options.credit)), 200, {
      'content-type': 'application/json; charset=utf-8',
    });
  });
  app.get(`/${SITEMAP_FILE}`, async (c) => {
    const body = await site.everything('sitemap', (items) => sitemapXml(items, links));
    return sendEncoded(c, body, 'application/xml; charset=utf-8');
  });
  app.get(`/${ROBOTS_FILE}`, (c) =>
    c.body(robotsTxt(links), 200, { 'content-type': 'text/plain; charset=utf-8' }),
  );
  app.get(`/${OG_IMAGE_FILE}`, (c) =>
    c.body(new Uint8Array(ogImagePng()), 200, {
      'content-type': 'image/png',
      'cache-control': 'public, max-age=86400',
    }),
  );
  // An exported page's address (s/<slug>.html) leads to the summary's one URL.
  app.get('/s/:file{.+\\.html}', (c) =>
    c.redirect(`/s/${encodeURIComponent(c.req.param('file').slice(0, -'.html'.length))}`, 301),
  );
}
