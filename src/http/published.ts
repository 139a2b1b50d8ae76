/**
 * The public site: the index (optionally by topic), one page per summary,
 * and the JSON and RSS feeds, all rendered by ../publish from the published
 * papers. A slug with an outdated headline redirects to the current one; a
 * withdrawn summary answers 410 with a short notice.
 */
import { Hono } from 'hono';
import { jsonFeed, rssFeed } from '../publish/feeds.ts';
import { renderIndex } from '../publish/index-page.ts';
import { safeJson } from '../publish/json.ts';
import { DEFAULT_SITE_NAME } from '../publish/layout.ts';
import { notFoundPage, withdrawnPage } from '../publish/notices.ts';
import { renderSummaryPage } from '../publish/page.ts';
import { idFromSlug, loadPublished, type PublishedSummary } from '../publish/published.ts';
import { related } from '../publish/related.ts';
import type { PaperStore } from '../store/papers.ts';
import type { AppDeps, AppEnv } from './types.ts';

/**
 * Live summaries, reloaded only when the publication generation changes
 * (every publish, correction and withdrawal bumps it), so page views do not
 * each read every summary.
 */
function publishedCache(store: PaperStore): () => Promise<PublishedSummary[]> {
  let cached: { generation: string | null; items: PublishedSummary[] } | null = null;
  return async () => {
    const generation = await store.redis.get(store.keys.publicationGeneration);
    if (!cached || cached.generation !== generation)
      cached = { generation, items: await loadPublished(store) };
    return cached.items;
  };
}

const feedTitle = () => `${DEFAULT_SITE_NAME}: plain-language research summaries`;

export function publishedSite(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { publicBaseUrl: baseUrl, disclaimer, credit } = deps.config.http;
  const plain = { baseUrl, disclaimer };
  const published = publishedCache(deps.store);
  app.get('/', async (c) => {
    const topic = c.req.query('topic');
    const items = await published();
    return c.html(renderIndex(items, { disclaimer, baseUrl, ...(topic ? { topic } : {}) }));
  });
  app.get('/s/:slug', async (c) => {
    const slug = c.req.param('slug');
    const id = idFromSlug(slug);
    const items = id ? await published() : [];
    const item = items.find((i) => i.id === id);
    if (!item) {
      const withdrawn = id ? (await deps.store.get(id))?.publication?.withdrawn : null;
      return withdrawn ? c.html(withdrawnPage(plain, withdrawn.at), 410) : c.html(notFoundPage(plain), 404);
    }
    if (item.slug !== slug) return c.redirect(`/s/${encodeURIComponent(item.slug)}`, 301);
    return c.html(renderSummaryPage(item, related(item, items), { disclaimer, baseUrl, credit }));
  });
  app.get('/feed.json', async (c) => {
    const feed = jsonFeed(await published(), baseUrl, feedTitle());
    return c.body(safeJson(feed), 200, { 'content-type': 'application/feed+json; charset=utf-8' });
  });
  app.get('/feed.xml', async (c) => {
    const xml = rssFeed(await published(), baseUrl, feedTitle());
    return c.body(xml, 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
  });
  return app;
}
