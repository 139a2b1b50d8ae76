/**
 * The public site: the index (optionally by topic), paged, one page per
 * summary, and the JSON and RSS feeds of the newest summaries, all rendered
 * by ../publish and kept in step with each publication (./site-cache.ts). A
 * slug with an outdated headline redirects to the current one; a withdrawn
 * summary answers 410 with a short notice.
 */
import { Hono } from 'hono';
import { idFromSlug } from '../publish/published.ts';
import { siteSource } from '../publish/site-source.ts';
import { sendEncoded } from './encoded-body.ts';
import { notFoundPage, withdrawnPage } from './site/views/notices.tsx';
import { SiteCache } from './site-cache.ts';
import { siteFileRoutes } from './site-files.ts';
import type { AppDeps, AppEnv } from './types.ts';

const HTML = 'text/html; charset=UTF-8';

/** `?page=N` as a page number (anything else is page 1). */
function pageNumber(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function publishedSite(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const {
    publicBaseUrl: baseUrl,
    disclaimer,
    credit,
    feedItems,
    sitePageSize,
    site: identity,
  } = deps.config.http;
  const plain = { baseUrl, disclaimer, site: identity };
  const feedTitle = `${identity.name}: plain-language research summaries`;
  const site = new SiteCache(siteSource(deps.store), {
    ...{ baseUrl, disclaimer, credit, feedItems, pageSize: sitePageSize, feedTitle, site: identity },
    onError: (err) =>
      deps.log.error({ err }, 'the published site could not be rebuilt; serving the previous copy'),
  });
  siteFileRoutes(app, site, { baseUrl, credit });
  app.get('/', async (c) => {
    const query = c.req.query('q')?.trim().slice(0, 200);
    if (query) return c.html(await site.search(query));
    const topic = c.req.query('topic')?.trim() || undefined;
    const number = pageNumber(c.req.query('page'));
    return sendEncoded(c, await site.index(topic, number), HTML);
  });
  app.get('/s/:slug', async (c) => {
    const slug = c.req.param('slug');
    const id = idFromSlug(slug);
    const found = id ? await site.summary(id) : null;
    if (!found) {
      const withdrawn = id ? (await deps.store.get(id))?.publication?.withdrawn : null;
      return withdrawn
        ? c.html(withdrawnPage(plain, withdrawn.at, withdrawn.shown ? withdrawn.reason : null), 410)
        : c.html(notFoundPage(plain), 404);
    }
    if (found.item.slug !== slug) return c.redirect(`/s/${encodeURIComponent(found.item.slug)}`, 301);
    c.header('Last-Modified', new Date(found.item.updatedAt ?? found.item.publishedAt).toUTCString());
    return sendEncoded(c, found.html, HTML);
  });
  app.get('/feed.json', async (c) => {
    return sendEncoded(c, await site.jsonFeed(), 'application/feed+json; charset=utf-8');
  });
  app.get('/feed.xml', async (c) => {
    const body = await site.rssFeed();
    const built = /<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(body)?.[1];
    if (built) c.header('Last-Modified', built);
    return sendEncoded(c, body, 'application/rss+xml; charset=utf-8');
  });
  return app;
}
