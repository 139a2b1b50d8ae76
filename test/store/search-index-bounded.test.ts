/**
 * The Redis index answers a page in bounded steps (issue 22: no desk query may
 * block Redis for the workers and the public site): the contract holds when
 * every filtered query walks the sort a few papers at a time or reads its
 * smallest filter set a few at a time; a walk cut short says its total is an
 * estimate; and at a few thousand papers no command the queries send reads
 * more than one chunk, nor intersects whole sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDraft, seedPapers } from '../../bench/seed.ts';
import type { IndexQuery } from '../../src/domain/ports/search-index.ts';
import { readingGrade } from '../../src/store/index-entry.ts';
import { QUERY_LIMITS } from '../../src/store/index-query.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { SearchIndex } from '../../src/store/search-index.ts';
import { createTestStore, type TestStore } from '../publish/redis-support.ts';
import { commandsDuring } from '../support/redis-monitor.ts';
import { redisIndexBackend } from './redis-index-backend.ts';
import { describeSearchIndex } from './search-index-contract.ts';

describeSearchIndex('Redis, walking the sort 4 papers at a time', () =>
  redisIndexBackend({ chunk: 4, smallSet: 0, countChunks: 1_000 }),
);
describeSearchIndex('Redis, reading the smallest filter set 3 papers at a time', () =>
  redisIndexBackend({ chunk: 3, smallSet: 1_000_000, countChunks: 1_000 }),
);

const base: IndexQuery = { state: 'pending_review', sort: 'age', order: 'desc', offset: 0, limit: 2 };

describe('the Redis index, cut short or sorted by another field within dates', () => {
  let t: TestStore;
  let ids: string[];
  beforeAll(async () => {
    t = createTestStore();
    ids = await seedPapers(t.store, 30, { concurrency: 4 });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('says "about" when the walk stops before the end, and is exact when it reaches it', async () => {
    const { scripts, keys } = internalsOf(t.store);
    const short = new SearchIndex(scripts, keys, { chunk: 4, smallSet: 0, countChunks: 1 });
    const q = { ...base, check: 'fail' as const };
    const exact = await t.store.index.query(q);
    expect(exact.total).toBe(10);
    expect(exact.approximate).toBeUndefined();
    const about = await short.query(q);
    expect(about.ids).toEqual(exact.ids);
    expect(about.approximate).toBe(true);
    expect(about.total).toBeGreaterThan(0);
  });

  it('sorts the papers created within a date range by grade, whichever way it reads them', async () => {
    const papers = await Promise.all(
      ids.map(async (id, i) => ({
        id,
        at: Date.parse((await t.store.require(id)).createdAt),
        grade: readingGrade(seedDraft(i)),
      })),
    );
    const times = papers.map((p) => p.at).sort((a, b) => a - b);
    const [from, to] = [times[5] ?? 0, times[20] ?? 0];
    const want = papers
      .filter((p) => p.at >= from && p.at <= to)
      .sort((a, b) => b.grade - a.grade || (a.id < b.id ? 1 : -1))
      .map((p) => p.id);
    const { scripts, keys } = internalsOf(t.store);
    const q: IndexQuery = { ...base, state: undefined, sort: 'grade', from, to, limit: 100 };
    for (const limits of [
      QUERY_LIMITS,
      { chunk: 4, smallSet: 0, countChunks: 1_000 },
      { chunk: 4, smallSet: 100, countChunks: 1_000 },
    ])
      expect(await new SearchIndex(scripts, keys, limits).query(q), JSON.stringify(limits)).toEqual({
        ids: want,
        total: want.length,
      });
  });
});

/** A command's arguments as MONITOR prints them ("a" "b" ...). */
const argsOf = (line: string) => [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');

/** How many elements one command reads at most, from its arguments. */
function elementsRead(line: string): number {
  const name = line.split(' ')[0] ?? '';
  const args = argsOf(line);
  if (name === 'zrange') return Number(args[2]) - Number(args[1]) + 1;
  if (name === 'smismember' || name === 'zmscore') return args.length - 1;
  if (name === 'sscan') return Number(args[args.indexOf('COUNT') + 1]);
  // ZCARD, SCARD, ZCOUNT: a count, O(1) or O(log n).
  return 0;
}

describe('the Redis index at a few thousand papers', () => {
  const PAPERS = 3_000;
  let t: TestStore;
  beforeAll(async () => {
    t = createTestStore();
    await seedPapers(t.store, PAPERS);
  }, 600_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it('reads a deep page and filtered, sorted views one chunk per command, never whole sets', async () => {
    const { redis } = internalsOf(t.store);
    const views: IndexQuery[] = [
      { ...base, limit: 50, offset: 2_500, sort: 'grade' },
      { ...base, limit: 50, offset: 2_900 },
      { ...base, limit: 50, topic: 'sleep', sort: 'grade' },
      { ...base, limit: 50, topic: 'sleep', check: 'fail', sort: 'credibility', order: 'asc' },
      { ...base, limit: 50, offset: 800, check: 'pass', sort: 'checks' },
      { ...base, limit: 50, tokens: ['seeded', 'results'], sort: 'grade', offset: 300 },
    ];
    const pages: number[] = [];
    const commands = await commandsDuring(redis, t.prefix, async () => {
      for (const q of views) pages.push((await t.store.index.query(q)).ids.length);
    });
    expect(pages.every((n) => n === 50)).toBe(true);
    expect(commands.length).toBeGreaterThan(views.length);
    const names = new Set(commands.map((c) => c.split(' ')[0]));
    for (const whole of [
      'zinterstore',
      'zunionstore',
      'zrangestore',
      'smembers',
      'sinter',
      'evalsha',
      'eval',
      'keys',
      'scan',
    ])
      expect(names, whole).not.toContain(whole);
    const widest = Math.max(...commands.map(elementsRead));
    expect(widest).toBeLessThanOrEqual(QUERY_LIMITS.chunk);
  }, 120_000);
});
