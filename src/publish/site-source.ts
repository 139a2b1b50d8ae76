/**
 * Where the public site's copy comes from: the live summaries with the
 * moment each went live, all of them (a rebuild: paged through the public
 * index) or a few by id (the papers a publication change named), and what
 * the store says now (generation, changes, live scores) to keep the copy
 * honest. The HTTP layer's cache (../http/site-cache.ts) is built on it.
 */

import type { Papers } from '../domain/ports/papers.ts';
import type { IndexCursor, PublicSite } from '../domain/ports/public-site.ts';
import { publishedItem } from './published.ts';
import type { LiveItem } from './published-set.ts';

export type { PublicChange, PublicHead } from '../domain/ports/public-site.ts';

const PAGE = 500;

export interface SiteSource {
  generation(): ReturnType<PublicSite['generation']>;
  head(): ReturnType<PublicSite['head']>;
  changesAfter(streamId: string, max: number): ReturnType<PublicSite['changesAfter']>;
  liveSince(ids: readonly string[]): Promise<(number | null)[]>;
  /** Every live summary (any order). */
  loadAll(): Promise<LiveItem[]>;
  /** These papers as the public sees them now; absent from the map when not live. */
  load(ids: readonly string[]): Promise<Map<string, LiveItem>>;
}

export function siteSource(store: Papers): SiteSource {
  const index = store.publicSite;
  const loadScored = async (rows: { id: string; liveSince: number }[]): Promise<LiveItem[]> => {
    const papers = await Promise.all(rows.map((r) => store.get(r.id)));
    const items = await Promise.all(papers.map((p) => (p ? publishedItem(store, p) : null)));
    return items.flatMap((item, i) => (item ? [{ item, liveSince: rows[i]?.liveSince ?? 0 }] : []));
  };
  return {
    generation: () => index.generation(),
    head: () => index.head(),
    changesAfter: (streamId, max) => index.changesAfter(streamId, max),
    liveSince: (ids) => index.liveSince(ids),
    async loadAll() {
      const all: LiveItem[] = [];
      let cursor: IndexCursor = { score: Number.NEGATIVE_INFINITY, seen: 0 };
      for (;;) {
        const { rows, next } = await index.page(cursor, PAGE);
        all.push(...(await loadScored(rows)));
        if (rows.length < PAGE) break;
        cursor = next;
      }
      // A paper read twice (it went live again during the read) counts once, as its newest read.
      return [...new Map(all.map((l) => [l.item.id, l])).values()];
    },
    async load(ids) {
      const scores = await index.liveSince(ids);
      const rows = ids.flatMap((id, i) => {
        const liveSince = scores[i];
        return liveSince === null || liveSince === undefined ? [] : [{ id, liveSince }];
      });
      return new Map((await loadScored(rows)).map((l) => [l.item.id, l]));
    },
  };
}
