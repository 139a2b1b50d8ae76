/**
 * sitemap.xml and robots.txt for the published site, the same for the live
 * site and the export (the live site's URLs in both): the home page and
 * every live summary with the date it last changed. Withdrawn summaries are
 * never in it (it is built from the live summaries only).
 */
import { escapeXml } from './feeds.ts';
import { isoDateTime } from './format.ts';
import type { SiteLinks } from './links.ts';
import { type PublishedSummary, sortNewestFirst } from './published.ts';

export const SITEMAP_FILE = 'sitemap.xml';
export const ROBOTS_FILE = 'robots.txt';

const changedAt = (item: PublishedSummary) => isoDateTime(item.updatedAt ?? item.publishedAt);

function urlEntry(loc: string, lastmod: string | null): string {
  return [
    '  <url>',
    `    <loc>${escapeXml(loc)}</loc>`,
    ...(lastmod ? [`    <lastmod>${lastmod}</lastmod>`] : []),
    '  </url>',
  ].join('\n');
}

export function sitemapXml(items: readonly PublishedSummary[], links: SiteLinks): string {
  const sorted = sortNewestFirst(items);
  const newest = sorted.map(changedAt).sort().at(-1) ?? null;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    urlEntry(links.absolute.home, newest),
    ...sorted.map((item) => urlEntry(links.absolute.summary(item.slug), changedAt(item))),
    '</urlset>',
    '',
  ].join('\n');
}

/** Crawlers may read the published pages and feeds; the desk, the API and the dashboards are not for them. */
export function robotsTxt(links: SiteLinks): string {
  return [
    'User-agent: *',
    'Disallow: /desk',
    'Disallow: /api/',
    'Disallow: /admin/',
    'Disallow: /login',
    'Allow: /',
    '',
    `Sitemap: ${links.absolute.home}${SITEMAP_FILE}`,
    '',
  ].join('\n');
}
