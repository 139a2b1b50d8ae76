/**
 * The live summaries held in memory for the public site: newest first (by
 * first publication), by id, and by topic, with the topic counts, changed
 * one summary at a time (a publication, correction or withdrawal costs a
 * binary search and a splice per list, not a rebuild). "You May Also Like"
 * reads the topic lists newest first and stops as soon as the answer is
 * certain.
 */
import type { PublishedSummary } from './published.ts';
import { type TopicCount, topicKey } from './topics.ts';

interface Entry {
  item: PublishedSummary;
  /** First publication (ms), the list order. */
  time: number;
  /** When its live version went live (ms): compared with the store to tell a stale copy. */
  liveSince: number;
  /** Its distinct topic keys. */
  topics: readonly string[];
}

export interface LiveItem {
  item: PublishedSummary;
  liveSince: number;
}

/** Where a change lands: the list ('' for all) and the smallest position it moved to or from. */
export interface Moved {
  list: string;
  position: number;
}

const timeOf = (item: PublishedSummary) => {
  const t = Date.parse(item.publishedAt);
  return Number.isNaN(t) ? 0 : t;
};
const topicsOf = (item: PublishedSummary) => [...new Set(item.summary.topics.map(topicKey))];

export class PublishedSet {
  private readonly entries = new Map<string, Entry>();
  private readonly lists = new Map<string, PublishedSummary[]>([['', []]]);
  private counted: TopicCount[] | null = null;

  constructor(items: Iterable<LiveItem> = []) {
    for (const { item, liveSince } of items) {
      const entry = { item, time: timeOf(item), liveSince, topics: topicsOf(item) };
      this.entries.set(item.id, entry);
    }
    const sorted = [...this.entries.values()].sort((a, b) => this.order(a, b));
    for (const e of sorted) for (const list of ['', ...e.topics]) this.listOf(list).push(e.item);
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): LiveItem | undefined {
    return this.entries.get(id);
  }

  /** Newest first: all of them, or those on `topic` (any case or spacing). */
  list(topic?: string): readonly PublishedSummary[] {
    return this.lists.get(topic === undefined ? '' : topicKey(topic)) ?? [];
  }

  /** Each topic once (the newest summary's spelling) with its count: most used first, then A-Z. */
  counts(): TopicCount[] {
    this.counted ??= [...this.lists]
      .filter(([key, list]) => key !== '' && list.length > 0)
      .map(([key, list]) => ({
        topic: list[0]?.summary.topics.find((t) => topicKey(t) === key)?.trim() ?? key,
        count: list.length,
      }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
    return this.counted;
  }

  /** Add or replace a live summary; where it left and landed, per list. */
  put(item: PublishedSummary, liveSince: number): Moved[] {
    const moved = this.remove(item.id);
    const entry = { item, time: timeOf(item), liveSince, topics: topicsOf(item) };
    this.entries.set(item.id, entry);
    for (const list of ['', ...entry.topics]) {
      const items = this.listOf(list);
      const at = this.lowerBound(items, entry);
      items.splice(at, 0, item);
      moved.push({ list, position: at });
    }
    this.counted = null;
    return moved;
  }

  /** Take a summary out; where it was, per list (none when it was not here). */
  remove(id: string): Moved[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    this.entries.delete(id);
    const moved: Moved[] = [];
    for (const list of ['', ...entry.topics]) {
      const items = this.listOf(list);
      const at = this.lowerBound(items, entry);
      if (items[at]?.id === id) items.splice(at, 1);
      if (list !== '' && items.length === 0) this.lists.delete(list);
      moved.push({ list, position: at });
    }
    this.counted = null;
    return moved;
  }

  /**
   * Up to `n` other summaries sharing at least one topic: most shared first,
   * then newest first. The target's topic lists are merged newest first, so a
   * summary's count is final when it is reached, and the walk ends once `n`
   * summaries share every topic.
   */
  related(target: PublishedSummary, n = 6): PublishedSummary[] {
    const keys = topicsOf(target);
    const lists = keys.map((k) => this.lists.get(k) ?? []);
    const heads = lists.map(() => 0);
    const byCount: PublishedSummary[][] = keys.map(() => []);
    const wanted = Math.max(0, n);
    for (;;) {
      let newest: PublishedSummary | undefined;
      for (const [i, list] of lists.entries()) {
        const head = list[heads[i] ?? 0];
        if (head && (!newest || this.orderItems(head, newest) < 0)) newest = head;
      }
      if (!newest || (byCount[keys.length - 1]?.length ?? 0) >= wanted) break;
      let count = 0;
      for (const [i, list] of lists.entries())
        if (list[heads[i] ?? 0]?.id === newest.id) {
          heads[i] = (heads[i] ?? 0) + 1;
          count++;
        }
      const bucket = byCount[count - 1];
      if (newest.id !== target.id && bucket && bucket.length < wanted) bucket.push(newest);
    }
    return byCount.reverse().flat().slice(0, wanted);
  }

  private listOf(key: string): PublishedSummary[] {
    let list = this.lists.get(key);
    if (!list) {
      list = [];
      this.lists.set(key, list);
    }
    return list;
  }

  /** Newer first; the id settles ties (as ./published.ts `compareNewestFirst`). */
  private order(a: Pick<Entry, 'time' | 'item'>, b: Pick<Entry, 'time' | 'item'>): number {
    if (a.time !== b.time) return b.time - a.time;
    return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
  }

  private orderItems(a: PublishedSummary, b: PublishedSummary): number {
    const ea = this.entries.get(a.id);
    const eb = this.entries.get(b.id);
    return this.order(ea ?? { time: timeOf(a), item: a }, eb ?? { time: timeOf(b), item: b });
  }

  /** The first position whose summary does not come before `entry`. */
  private lowerBound(items: readonly PublishedSummary[], entry: Pick<Entry, 'time' | 'item'>): number {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = items[mid];
      if (at && this.orderItems(at, entry.item) < 0 && at.id !== entry.item.id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
