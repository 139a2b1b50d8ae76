/** "You May Also Like": other published summaries that share the most topics with this one. */
import { compareNewestFirst, type PublishedSummary } from './published.ts';
import { topicKey } from './topics.ts';

function sharedTopics(a: ReadonlySet<string>, b: PublishedSummary): number {
  return new Set(b.summary.topics.map(topicKey).filter((t) => a.has(t))).size;
}

/** Up to `n` other summaries sharing at least one topic: most shared first, then newest first. */
export function related(
  target: PublishedSummary,
  all: readonly PublishedSummary[],
  n = 6,
): PublishedSummary[] {
  const topics = new Set(target.summary.topics.map(topicKey));
  return all
    .filter((item) => item.id !== target.id)
    .map((item) => ({ item, shared: sharedTopics(topics, item) }))
    .filter((c) => c.shared > 0)
    .sort((a, b) => b.shared - a.shared || compareNewestFirst(a.item, b.item))
    .slice(0, Math.max(0, n))
    .map((c) => c.item);
}
