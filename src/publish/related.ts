/**
 * "You May Also Like": other published summaries that share the most topics
 * with this one, newest first among equals. `RelatedIndex` is built once per
 * set of published summaries (once per export; the server keeps its own
 * ./published-set.ts up to date instead), so a page looks only at summaries
 * sharing one of its topics and never parses a date.
 */

import type { PublishedSummary } from './published.ts';
import { PublishedSet } from './published-set.ts';

export class RelatedIndex {
  private readonly set: PublishedSet;

  constructor(items: readonly PublishedSummary[]) {
    this.set = new PublishedSet(items.map((item) => ({ item, liveSince: 0 })));
  }

  /** Up to `n` other summaries sharing at least one topic: most shared first, then newest first. */
  related(target: PublishedSummary, n = 6): PublishedSummary[] {
    return this.set.related(target, n);
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
