/**
 * The public site: the index (optionally by topic), one page per summary,
 * and the JSON and RSS feeds, all rendered by ../publish from the published
 * papers. A slug with an outdated headline redirects to the current one.
 */
import { Hono } from 'hono';
import { jsonFeed, rssFeed } from '../publish/feeds.ts';
import { html } from '../publish/html.ts';
import { renderIndex } from '../publish/index-page.ts';
import { safeJson } from '../publish/json.ts';
import { DEFAULT_SITE_NAME, renderDocument } from '../publish/layout.ts';
import { serverLinks } from '../publish/links.ts';
import { renderSummaryPage } from '../publish/page.ts';
import { idFromSlug, loadPublished, type PublishedSummary } from '../publish/published.ts';
import { related } from '../publish/related.ts';
import type { PaperStore } from '../store/papers.ts';
import type { AppDeps, AppEnv } from './types.ts';

/**
 * Published summaries, reloaded only when the set of published papers
 * changes (a cheap check of the published index's size and newest entry),
 * so page views do not each read every summary. Published drafts cannot be
 * edited, so the index changing is the only way the list changes.
 */
function publishedCache(store: PaperStore): () => Promise<PublishedSummary[]> {
  let cached: { signature: string; items: PublishedSummary[] } | null = null;
  return async () => {
    const key = store.keys.state('published');
    const [count, newest] = await Promise.all([
      store.redis.zcard(key),
      store.redis.zrange(key, -1, -1, 'WITHSCORES'),
    ]);
    const signature = `${count}:${newest.join(':')}`;
    if (cached?.signature !== signature) cached = { signature, items: await loadPublished(store) };
    return cached.items;
  };
}

const feedTitle = () => `${DEFAULT_SITE_NAME}: plain-language research summaries`;

function notFound(deps: AppDeps): string {
  const links = serverLinks(deps.config.http.publicBaseUrl);
  return renderDocument({
    title: `Not found | ${DEFAULT_SITE_NAME}`,
    description: 'No published summary at this address.',
    canonical: links.absolute.home,
    links,
    siteName: DEFAULT_SITE_NAME,
    disclaimer: deps.config.http.disclaimer,
    kind: 'website',
    main: html`<h1>Not found</h1><p>No published summary at this address. <a href="${links.home}">See all summaries</a>.</p>`,
  });
}

export function publishedSite(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { publicBaseUrl: baseUrl, disclaimer } = deps.config.http;
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
    if (!item) return c.html(notFound(deps), 404);
    if (item.slug !== slug) return c.redirect(`/s/${encodeURIComponent(item.slug)}`, 301);
    return c.html(renderSummaryPage(item, related(item, items), { disclaimer, baseUrl }));
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
