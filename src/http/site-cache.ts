/**
 * What the published site serves, kept in memory and changed, not rebuilt,
 * when the store says a publication changed.
 *
 * - A page view costs one GET of the publication generation; while it is
 *   the one the copy was made at, pages come from ./page-cache.ts.
 * - When it moved, the request applies the changes recorded with it
 *   (../store/lua/public-change.lua): it reads the few papers named, puts
 *   them in or takes them out of the lists (../publish/published-set.ts),
 *   and drops the cached pages they touch. Concurrent requests share that
 *   one catch-up, which costs what changed, not what is published.
 * - The whole copy is built off the request path: once at the first request
 *   (nothing to serve before it), then only when the changes cannot be
 *   applied one by one (too many at once, a gap in the generations written
 *   by an older LaySum, a reset counter). Meanwhile the previous copy is
 *   served, checked against the public index in the same request: a summary
 *   whose live version is not the one held is left out of every list, feed
 *   and related block, and its own page is read afresh (withdrawn: 410).
 *
 * The guarantee: once a withdrawal has returned, no request that starts
 * afterwards, on any server, shows the summary. A publication or correction
 * shows on its page and in the lists from the first request after it, except
 * while a whole copy is being built: then its page shows it at once and the
 * lists when the build ends.
 */
import type { CreditWording } from '../publish/credit.ts';
import { jsonFeed, rssFeed } from '../publish/feeds.ts';
import { safeJson } from '../publish/json.ts';
import type { PublishedSummary } from '../publish/published.ts';
import { type LiveItem, PublishedSet } from '../publish/published-set.ts';
import { searchPublished } from '../publish/search.ts';
import type { SiteIdentity } from '../publish/site-identity.ts';
import type { SiteSource } from '../publish/site-source.ts';
import { topicKey } from '../publish/topics.ts';
import { PageCache } from './page-cache.ts';
import { renderFeedItem } from './site/views/feed-item.tsx';
import { renderIndexPage } from './site/views/index-page.tsx';
import { renderSummaryPage } from './site/views/summary-page.tsx';

/** Changes a request applies itself; beyond this a whole copy is built in the background. */
const MAX_APPLIED = 200;
const RELATED = 6;

export interface SiteOptions {
  baseUrl: string;
  disclaimer: string;
  credit: CreditWording;
  feedItems: number;
  pageSize: number;
  feedTitle: string;
  /** The publisher's name, explainer and locale (SITE_NAME, SITE_ABOUT, SITE_LOCALE); LaySum's defaults without. */
  site?: SiteIdentity;
  /** A background build failed (the previous copy stays; the next request tries again). */
  onError?: (err: unknown) => void;
}

interface Copy {
  set: PublishedSet;
  generation: number;
  /** The last change applied. */
  streamId: string;
}

type Pick = (dropped: ReadonlySet<string>) => readonly PublishedSummary[];

export class SiteCache {
  private copy: Copy | null = null;
  private first: Promise<void> | null = null;
  private catching: Promise<void> | null = null;
  private building: Promise<void> | null = null;
  private readonly pages = new PageCache();

  constructor(
    private readonly source: SiteSource,
    private readonly options: SiteOptions,
  ) {}

  /** Resolves when no catch-up or build is running (for tests and the bench). */
  async settled(): Promise<void> {
    while (this.first || this.catching || this.building)
      await Promise.allSettled([this.first, this.catching, this.building]);
  }

  /** The summary's page, or null when it is not live (the caller says 404 or 410). */
  async summary(id: string): Promise<{ item: PublishedSummary; html: string } | null> {
    const { copy, stale } = await this.current();
    const held = copy.set.get(id);
    if (!stale) return held ? { item: held.item, html: this.summaryHtml(copy, held.item) } : null;
    const [now] = await this.source.liveSince([id]);
    if (now === null || now === undefined) return null;
    const live = held?.liveSince === now ? held : (await this.source.load([id])).get(id);
    if (!live) return null;
    const pick: Pick = (d) => copy.set.related(live.item, RELATED + d.size).filter((r) => !d.has(r.id));
    const dropped = await this.verified(copy, pick);
    if (live === held && dropped.size === 0)
      return { item: live.item, html: this.summaryHtml(copy, live.item) };
    return { item: live.item, html: this.renderSummary(live.item, pick(dropped)) };
  }

  /**
   * The newest summaries with every word of `query` (../publish/search.ts); never
   * cached, and checked against the public index like any list while the copy is stale.
   */
  async search(query: string): Promise<string> {
    const { copy, stale } = await this.current();
    const pick: Pick = (dropped) => searchPublished(without(copy.set.list(), dropped), query);
    const dropped = stale ? await this.verified(copy, pick) : new Set<string>();
    return renderIndexPage(pick(dropped), copy.set.counts(), {
      disclaimer: this.options.disclaimer,
      baseUrl: this.options.baseUrl,
      ...(this.options.site ? { site: this.options.site } : {}),
      searchable: true,
      query,
    });
  }

  /** Page `number` of the list (all, or one topic). */
  async index(topic: string | undefined, number: number): Promise<string> {
    const { copy, stale } = await this.current();
    const size = this.options.pageSize;
    const list = copy.set.list(topic);
    const n = Math.min(number, Math.max(1, Math.ceil(list.length / size)));
    const listKey = topic === undefined ? '' : topicKey(topic);
    const render = (items: readonly PublishedSummary[]) =>
      renderIndexPage(items, copy.set.counts(), {
        disclaimer: this.options.disclaimer,
        baseUrl: this.options.baseUrl,
        ...(this.options.site ? { site: this.options.site } : {}),
        page: { number: n, size },
        searchable: true,
        ...(topic === undefined ? {} : { topic }),
      });
    const dropped = stale ? await this.verified(copy, slice(list, (n - 1) * size, size)) : new Set<string>();
    if (dropped.size > 0) return render(without(list, dropped));
    const key = `index:${listKey}:${n}`;
    return (
      this.pages.get(key) ??
      this.pages.set(key, {
        html: render(list),
        ids: list.slice((n - 1) * size, n * size).map((i) => i.id),
        list: { key: listKey, end: n * size },
        counts: true,
      })
    );
  }

  jsonFeed(): Promise<string> {
    return this.feed('feed:json', (items) =>
      safeJson(jsonFeed(items, this.options.baseUrl, this.options.feedTitle, renderFeedItem)),
    );
  }

  rssFeed(): Promise<string> {
    return this.feed('feed:xml', (items) =>
      rssFeed(items, this.options.baseUrl, this.options.feedTitle, renderFeedItem),
    );
  }

  /** Every live summary at once (the sitemap), kept and checked like a feed. */
  everything(key: string, render: (items: readonly PublishedSummary[]) => string): Promise<string> {
    return this.feed(key, render, Number.POSITIVE_INFINITY);
  }

  private async feed(
    key: string,
    render: (items: readonly PublishedSummary[]) => string,
    count = this.options.feedItems,
  ): Promise<string> {
    const { copy, stale } = await this.current();
    const pick = slice(copy.set.list(), 0, count);
    const dropped = stale ? await this.verified(copy, pick) : new Set<string>();
    if (dropped.size > 0) return render(pick(dropped));
    const items = pick(dropped);
    return (
      this.pages.get(key) ??
      this.pages.set(key, {
        html: render(items),
        ids: items.map((i) => i.id),
        list: { key: '', end: count },
      })
    );
  }

  private summaryHtml(copy: Copy, item: PublishedSummary): string {
    const key = `s:${item.id}`;
    const hit = this.pages.get(key);
    if (hit !== undefined) return hit;
    const related = copy.set.related(item, RELATED);
    const html = this.renderSummary(item, related);
    return this.pages.set(key, { html, ids: [item.id, ...related.map((r) => r.id)] });
  }

  private renderSummary(item: PublishedSummary, related: readonly PublishedSummary[]): string {
    const { disclaimer, baseUrl, credit, site } = this.options;
    return renderSummaryPage(item, [...related], { disclaimer, baseUrl, credit, ...(site ? { site } : {}) });
  }

  /** The copy, and whether the store has moved past it (then what it shows is checked). */
  private async current(): Promise<{ copy: Copy; stale: boolean }> {
    const generation = await this.source.generation();
    if (!this.copy) {
      this.first ??= this.build().finally(() => {
        this.first = null;
      });
      await this.first;
    }
    if (this.copy && this.copy.generation !== generation && !this.building) {
      this.catching ??= this.catchUp().finally(() => {
        this.catching = null;
      });
      await this.catching;
    }
    const copy = this.copy;
    if (!copy) throw new Error('The published site could not be loaded from Redis.');
    return { copy, stale: copy.generation !== generation };
  }

  /** Apply the recorded changes, or start a whole build when they cannot be applied one by one. */
  private async catchUp(): Promise<void> {
    const copy = this.copy;
    if (!copy) return;
    const { generation, changes } = await this.source.changesAfter(copy.streamId, MAX_APPLIED + 1);
    if (generation === copy.generation && changes.length === 0) return;
    const inOrder = changes.every((c, i) => c.generation === copy.generation + i + 1);
    const last = changes.at(-1);
    if (!last || !inOrder || last.generation !== generation || changes.length > MAX_APPLIED) {
      this.building ??= this.build()
        .catch((err: unknown) => this.options.onError?.(err))
        .finally(() => {
          this.building = null;
        });
      return;
    }
    const ids = new Set(changes.map((c) => c.id));
    const loaded = await this.source.load([...ids]);
    if (this.copy !== copy) return;
    this.apply(copy, ids, loaded);
    copy.generation = generation;
    copy.streamId = last.streamId;
  }

  private apply(copy: Copy, ids: ReadonlySet<string>, loaded: ReadonlyMap<string, LiveItem>): void {
    const before = JSON.stringify(copy.set.counts());
    const moved = [...ids].flatMap((id) => {
      const live = loaded.get(id);
      return live ? copy.set.put(live.item, live.liveSince) : copy.set.remove(id);
    });
    this.pages.invalidate(ids, moved, JSON.stringify(copy.set.counts()) !== before);
  }

  private async build(): Promise<void> {
    const head = await this.source.head();
    const items = await this.source.loadAll();
    this.copy = { set: new PublishedSet(items), generation: head.generation, streamId: head.streamId };
    this.pages.clear();
  }

  /**
   * Check what `pick` shows against the public index until everything it
   * shows is live in the version held; the ids that are not (left out).
   */
  private async verified(copy: Copy, pick: Pick): Promise<Set<string>> {
    const dropped = new Set<string>();
    const checked = new Set<string>();
    for (;;) {
      const unchecked = pick(dropped).filter((i) => !checked.has(i.id));
      if (unchecked.length === 0) return dropped;
      const now = await this.source.liveSince(unchecked.map((i) => i.id));
      unchecked.forEach((item, i) => {
        const live = now[i] !== null && now[i] === copy.set.get(item.id)?.liveSince;
        (live ? checked : dropped).add(item.id);
      });
    }
  }
}

/** Items `start` to `start + size` of `list` once the dropped ones are left out. */
function slice(list: readonly PublishedSummary[], start: number, size: number): Pick {
  return (dropped) => without(list, dropped).slice(start, start + size);
}

function without(
  list: readonly PublishedSummary[],
  dropped: ReadonlySet<string>,
): readonly PublishedSummary[] {
  return dropped.size === 0 ? list : list.filter((i) => !dropped.has(i.id));
}
