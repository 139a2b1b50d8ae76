/**
 * The published site's files for machines: /sitemap.xml (every live summary,
 * checked like a feed so a withdrawn one is never listed), /robots.txt and the
 * share image /og-image.png, the same as the export writes; and the export's
 * `/s/<slug>.html` addresses, sent on to the one URL of each summary.
 */
import type { Hono } from 'hono';
import { OG_IMAGE_FILE } from '../publish/layout.ts';
import { serverLinks } from '../publish/links.ts';
import { ogImagePng } from '../publish/og-image.ts';
import { ROBOTS_FILE, robotsTxt, SITEMAP_FILE, sitemapXml } from '../publish/sitemap.ts';
import type { SiteCache } from './site-cache.ts';
import type { AppEnv } from './types.ts';

export function siteFileRoutes(app: Hono<AppEnv>, site: SiteCache, baseUrl: string): void {
  const links = serverLinks(baseUrl);
  app.get(`/${SITEMAP_FILE}`, async (c) => {
    const body = await site.everything('sitemap', (items) => sitemapXml(items, links));
    return c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
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
