/** Topic tags compared the way readers see them: case and spacing do not make a new topic. */
import { createHash } from 'node:crypto';
import type { PublishedSummary } from './published.ts';

export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function hasTopic(item: PublishedSummary, topic: string): boolean {
  const key = topicKey(topic);
  return item.summary.topics.some((t) => topicKey(t) === key);
}

/** A file-name-safe name for a topic; topics with no ASCII letters get a short stable hash. */
export function topicFileName(topic: string): string {
  const key = topicKey(topic);
  const words = key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length > 0) return words.join('-').slice(0, 80);
  return `topic-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
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
