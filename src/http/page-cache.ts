/**
 * Rendered public pages and feeds, each with what it shows, so a change to
 * the published summaries drops exactly the pages it touches: any page that
 * shows a changed summary (its own page, a "You May Also Like" block, a
 * list, a feed), any list page at or after the position where a summary
 * entered or left that list, and, when the topic counts changed, the list
 * pages (they all show the counts). The least recently used go first beyond
 * `max`.
 */
import type { Moved } from '../publish/published-set.ts';

export interface CachedPage {
  html: string;
  /** The summaries it shows. */
  ids: readonly string[];
  /** For a list page or feed: which list ('' for all, else a topic key) and where its slice ends. */
  list?: { key: string; end: number };
  /** It shows the topic counts. */
  counts?: boolean;
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();

  constructor(private readonly max = 2000) {}

  get(key: string): string | undefined {
    const hit = this.pages.get(key);
    if (!hit) return undefined;
    this.pages.delete(key);
    this.pages.set(key, hit);
    return hit.html;
  }

  set(key: string, page: CachedPage): string {
    this.pages.set(key, page);
    if (this.pages.size > this.max) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    return page.html;
  }

  /** Drop what a change made stale (see the module comment); how many pages went. */
  invalidate(changed: ReadonlySet<string>, moved: readonly Moved[], countsChanged: boolean): number {
    let dropped = 0;
    for (const [key, page] of this.pages) {
      const list = page.list;
      const stale =
        (countsChanged && page.counts) ||
        page.ids.some((id) => changed.has(id)) ||
        (list !== undefined && moved.some((m) => m.list === list.key && m.position < list.end));
      if (stale) {
        this.pages.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.pages.clear();
  }
}
