/**
 * What the published site serves, computed once per publication generation
 * (every publish, correction and withdrawal bumps it): the live summaries
 * newest first, by id, the related-summaries index, the feeds (the newest
 * FEED_ITEMS only) and the rendered pages, kept until the generation changes.
 * A page view costs one GET of the generation and a map lookup.
 */
import { jsonFeed, rssFeed } from '../publish/feeds.ts';
import { safeJson } from '../publish/json.ts';
import { loadPublished, type PublishedSummary } from '../publish/published.ts';
import { RelatedIndex } from '../publish/related.ts';
import type { PaperStore } from '../store/papers.ts';

/** Rendered pages kept per generation; the least recently used go first beyond this. */
const MAX_PAGES = 2000;

export class SiteSnapshot {
  readonly byId: ReadonlyMap<string, PublishedSummary>;
  readonly related: RelatedIndex;
  private readonly pages = new Map<string, string>();
  private feeds: { json?: string; xml?: string } = {};

  constructor(
    readonly generation: string | null,
    /** Newest first. */
    readonly items: readonly PublishedSummary[],
    private readonly feedItems: number,
  ) {
    this.byId = new Map(items.map((i) => [i.id, i]));
    this.related = new RelatedIndex(items);
  }

  /** A rendered page from this generation's cache, rendering it on the first ask. */
  page(key: string, render: () => string): string {
    const hit = this.pages.get(key);
    if (hit !== undefined) {
      this.pages.delete(key);
      this.pages.set(key, hit);
      return hit;
    }
    const html = render();
    this.pages.set(key, html);
    if (this.pages.size > MAX_PAGES) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    return html;
  }

  jsonFeed(baseUrl: string, title: string): string {
    this.feeds.json ??= safeJson(jsonFeed(this.items.slice(0, this.feedItems), baseUrl, title));
    return this.feeds.json;
  }

  rssFeed(baseUrl: string, title: string): string {
    this.feeds.xml ??= rssFeed(this.items.slice(0, this.feedItems), baseUrl, title);
    return this.feeds.xml;
  }
}

/** The current snapshot, rebuilt when the generation moved (one rebuild at a time). */
export function siteCache(store: PaperStore, feedItems: number): () => Promise<SiteSnapshot> {
  let current: SiteSnapshot | null = null;
  let building: { generation: string | null; promise: Promise<SiteSnapshot> } | null = null;
  return async () => {
    const generation = await store.redis.get(store.keys.publicationGeneration);
    if (current && current.generation === generation) return current;
    if (!building || building.generation !== generation) {
      const promise = loadPublished(store).then((items) => new SiteSnapshot(generation, items, feedItems));
      building = { generation, promise };
      promise
        .then((snap) => {
          if (building?.promise === promise) {
            current = snap;
            building = null;
          }
        })
        .catch(() => {
          if (building?.promise === promise) building = null;
        });
    }
    return building.promise;
  };
}
