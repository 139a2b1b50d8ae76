/** Topic tags compared the way readers see them: case and spacing do not make a new topic. */
import { createHash } from 'node:crypto';
import { slugify } from '../text/slug.ts';
import type { PublishedSummary } from './published.ts';

export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function hasTopic(item: PublishedSummary, topic: string): boolean {
  const key = topicKey(topic);
  return item.summary.topics.some((t) => topicKey(t) === key);
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

const MAX_NAME_BYTES = 80;

/**
 * A file-name-safe name for a topic, distinct for distinct topics: "vitamin d"
 * is `vitamin-d`; "vitamin-d", "β-blockers" (`beta-blockers-...`) or a very
 * long topic, whose slug loses something, get a short hash of the topic appended.
 */
export function topicFileName(topic: string): string {
  const key = topicKey(topic);
  const name = slugify(key, { maxBytes: MAX_NAME_BYTES });
  if (name.length === 0) return `topic-${hash(key)}`;
  if (name.replaceAll('-', ' ') === key) return name;
  return `${name}-${hash(key)}`;
}

export interface TopicCount {
  topic: string;
  count: number;
}

/** Each topic once (first spelling seen) with how many summaries carry it: most used first, then A-Z. */
export function topicCounts(items: readonly PublishedSummary[]): TopicCount[] {
  const counts = new Map<string, TopicCount>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const topic of item.summary.topics) {
      const key = topicKey(topic);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { topic: topic.trim(), count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}
