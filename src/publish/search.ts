/**
 * The public index's search box: a summary matches when every word asked for
 * appears in its headline, takeaway, topics, or the article's title or
 * journal (case and accents aside). Small and in memory: the site holds its
 * published list already (../http/site-cache.ts).
 */
import type { PublishedSummary } from './published.ts';

/** Most results one search shows (newest first). */
export const SEARCH_MAX = 50;

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a query: at most 8, each at least 2 characters. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
}

function searchable(item: PublishedSummary): string {
  const s = item.summary;
  return fold([s.headline, s.takeaway, ...s.topics, item.record.title, item.record.journal ?? ''].join(' '));
}

export function searchPublished(list: readonly PublishedSummary[], query: string): PublishedSummary[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const found: PublishedSummary[] = [];
  for (const item of list) {
    const text = searchable(item);
    if (words.every((w) => text.includes(w))) found.push(item);
    if (found.length >= SEARCH_MAX) break;
  }
  return found;
}
