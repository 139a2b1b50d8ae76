/**
 * The public site: the index (optionally by topic), paged, one page per
 * summary, and the JSON and RSS feeds of the newest summaries, all rendered
 * by ../publish and cached per publication generation (./site-cache.ts). A
 * slug with an outdated headline redirects to the current one; a withdrawn
 * summary answers 410 with a short notice.
 */
import { Hono } from 'hono';
import { renderIndex } from '../publish/index-page.ts';
import { DEFAULT_SITE_NAME } from '../publish/layout.ts';
import { notFoundPage, withdrawnPage } from '../publish/notices.ts';
import { renderSummaryPage } from '../publish/page.ts';
import { idFromSlug } from '../publish/published.ts';
import { siteCache } from './site-cache.ts';
import type { AppDeps, AppEnv } from './types.ts';

const feedTitle = () => `${DEFAULT_SITE_NAME}: plain-language research summaries`;

/** `?page=N` as a page number (anything else is page 1). */
function pageNumber(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function publishedSite(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { publicBaseUrl: baseUrl, disclaimer, credit, feedItems, sitePageSize } = deps.config.http;
  const plain = { baseUrl, disclaimer };
  const site = siteCache(deps.store, feedItems);
  app.get('/', async (c) => {
    const topic = c.req.query('topic')?.trim() || undefined;
    const number = pageNumber(c.req.query('page'));
    const snap = await site();
    const html = snap.page(`index:${topic ?? ''}:${number}`, () =>
      renderIndex(snap.items, {
        disclaimer,
        baseUrl,
        page: { number, size: sitePageSize },
        ...(topic ? { topic } : {}),
      }),
    );
    return c.html(html);
  });
  app.get('/s/:slug', async (c) => {
    const slug = c.req.param('slug');
    const id = idFromSlug(slug);
    const snap = id ? await site() : null;
    const item = id ? snap?.byId.get(id) : undefined;
    if (!snap || !item) {
      const withdrawn = id ? (await deps.store.get(id))?.publication?.withdrawn : null;
      return withdrawn ? c.html(withdrawnPage(plain, withdrawn.at), 410) : c.html(notFoundPage(plain), 404);
    }
    if (item.slug !== slug) return c.redirect(`/s/${encodeURIComponent(item.slug)}`, 301);
    const html = snap.page(`s:${item.id}`, () =>
      renderSummaryPage(item, snap.related.related(item), { disclaimer, baseUrl, credit }),
    );
    return c.html(html);
  });
  app.get('/feed.json', async (c) => {
    const body = (await site()).jsonFeed(baseUrl, feedTitle());
    return c.body(body, 200, { 'content-type': 'application/feed+json; charset=utf-8' });
  });
  app.get('/feed.xml', async (c) => {
    const body = (await site()).rssFeed(baseUrl, feedTitle());
    return c.body(body, 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
  });
  return app;
}
