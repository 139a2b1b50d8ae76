/**
 * "You May Also Like": other published summaries that share the most topics
 * with this one, newest first among equals. `RelatedIndex` is built once per
 * set of published summaries (per publication generation on the server, once
 * per export): each topic lists its summaries newest first, with the order
 * precomputed, so a page looks only at summaries sharing one of its topics
 * and never parses a date.
 */
import { type PublishedSummary, sortNewestFirst } from './published.ts';
import { topicKey } from './topics.ts';

export class RelatedIndex {
  private readonly byTopic = new Map<string, PublishedSummary[]>();
  /** Position in newest-first order: smaller is newer. */
  private readonly rank = new Map<string, number>();

  constructor(items: readonly PublishedSummary[]) {
    sortNewestFirst(items).forEach((item, i) => {
      this.rank.set(item.id, i);
      for (const t of new Set(item.summary.topics.map(topicKey))) {
        const list = this.byTopic.get(t);
        if (list) list.push(item);
        else this.byTopic.set(t, [item]);
      }
    });
  }

  /** Up to `n` other summaries sharing at least one topic: most shared first, then newest first. */
  related(target: PublishedSummary, n = 6): PublishedSummary[] {
    const shared = new Map<string, { item: PublishedSummary; count: number }>();
    for (const t of new Set(target.summary.topics.map(topicKey)))
      for (const item of this.byTopic.get(t) ?? []) {
        if (item.id === target.id) continue;
        const seen = shared.get(item.id);
        if (seen) seen.count++;
        else shared.set(item.id, { item, count: 1 });
      }
    const rank = (item: PublishedSummary) => this.rank.get(item.id) ?? Number.MAX_SAFE_INTEGER;
    return [...shared.values()]
      .sort((a, b) => b.count - a.count || rank(a.item) - rank(b.item))
      .slice(0, Math.max(0, n))
      .map((c) => c.item);
  }
}

/** The related summaries of one page, for a caller that renders a single page. */
export function related(
  target: PublishedSummary,
  all: readonly PublishedSummary[],
  n = 6,
): PublishedSummary[] {
  return new RelatedIndex(all).related(target, n);
}
