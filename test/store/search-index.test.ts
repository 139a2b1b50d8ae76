/**
 * The queue's search index in the real Redis: built once for papers written
 * before it existed, left by a paper merged away as a duplicate, and the
 * contract every search index keeps (./search-index-contract.ts).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { seedPapers, seedPmid } from '../../bench/seed.ts';
import { findDrafts, parseFilter } from '../../src/review/queries.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { discard } from '../../src/store/merges.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { INDEX_VERSION } from '../../src/store/search-index.ts';
import { createTestStore, type TestStore } from '../publish/redis-support.ts';
import { redisIndexBackend } from './redis-index-backend.ts';
import { describeSearchIndex } from './search-index-contract.ts';

const find = (store: PaperStore, q: Record<string, string>) => findDrafts(store, parseFilter(q));

describe('the search index', () => {
  let t: TestStore;
  afterEach(async () => {
    await t.cleanup();
  });

  it('is built on the first query when a Redis has papers but no index', async () => {
    t = createTestStore();
    const ids = await seedPapers(t.store, 3);
    const indexKeys = await internalsOf(t.store).redis.keys(`${t.prefix}:ix:*`);
    expect(indexKeys.length).toBeGreaterThan(0);
    await internalsOf(t.store).redis.del(...indexKeys);
    const fresh = new PaperStore(internalsOf(t.store).redis, t.prefix);
    const found = await find(fresh, { q: seedPmid(1) });
    expect(found.drafts.map((d) => d.id)).toEqual([ids[1]]);
    expect(found.topics.length).toBeGreaterThan(0);
    expect(await internalsOf(t.store).redis.get(`${t.prefix}:ix:version`)).toBe(INDEX_VERSION);
  });

  it('builds the per-state sort sets once for an index of the version before them', async () => {
    t = createTestStore();
    const ids = await seedPapers(t.store, 4);
    const { redis } = internalsOf(t.store);
    const before = (await find(t.store, { state: 'pending_review', sort: 'grade' })).drafts.map((d) => d.id);
    expect(new Set(before)).toEqual(new Set(ids));
    const newer = await redis.keys(`${t.prefix}:ix:st:*`);
    expect(newer.length).toBeGreaterThan(0);
    await redis.del(...newer, `${t.prefix}:ix:state-of`);
    await redis.set(`${t.prefix}:ix:version`, '1');
    const fresh = new PaperStore(redis, t.prefix);
    const found = await find(fresh, { state: 'pending_review', sort: 'grade' });
    expect(found.drafts.map((d) => d.id)).toEqual(before);
    expect(await redis.get(`${t.prefix}:ix:version`)).toBe(INDEX_VERSION);
    await fresh.transition(ids[0] ?? '', { from: '*', to: 'approved', actor: 'test', action: 'moved' });
    expect((await find(fresh, { state: 'approved' })).drafts.map((d) => d.id)).toEqual([ids[0]]);
  });

  it('forgets a paper merged into another, and its facet counts', async () => {
    t = createTestStore();
    const [a, b] = await seedPapers(t.store, 2);
    await discard(t.store, b ?? '', a ?? '');
    const all = await find(t.store, {});
    expect(all.drafts.map((d) => d.id)).toEqual([a]);
    expect((await find(t.store, { q: seedPmid(1) })).total).toBe(0);
    expect(all.submitters).toEqual(['api:dana']);
  });
});

describeSearchIndex('Redis', () => redisIndexBackend());
