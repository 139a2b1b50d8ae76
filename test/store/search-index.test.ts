/**
 * The queue's search index in the real Redis: built once for papers written
 * before it existed, left by a paper merged away as a duplicate, and the
 * contract every search index keeps (./search-index-contract.ts).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { seedPapers, seedPmid } from '../../bench/seed.ts';
import { identitiesOf } from '../../src/domain/identity.ts';
import { findDrafts, parseFilter } from '../../src/review/queries.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { discard } from '../../src/store/merges.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { createTestStore, type TestStore } from '../publish/redis-support.ts';
import { describeSearchIndex, type Seeded } from './search-index-contract.ts';

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
    expect(await internalsOf(t.store).redis.get(`${t.prefix}:ix:version`)).toBe('1');
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

describeSearchIndex('Redis', async () => {
  const t = createTestStore();
  const seeded = async (id: string, i: number): Promise<Seeded> => {
    const created = Date.parse((await t.store.require(id)).createdAt);
    return { i, id, created };
  };
  return {
    index: t.store.index,
    async seed(count) {
      const ids = await seedPapers(t.store, count, { concurrency: 4 });
      return Promise.all(ids.map((id, i) => seeded(id, i)));
    },
    async bare(i) {
      const pmid = seedPmid(i);
      const { id } = await t.store.create({
        ...{ submission: { kind: 'pmid', pmid }, origin: { actor: 'api:dana' } },
        identities: identitiesOf({ pmid }),
      });
      return seeded(id, i);
    },
    async setState(id, state) {
      await t.store.transition(id, { from: '*', to: state, actor: 'test', action: 'moved' });
    },
    remove: (id, keep) => discard(t.store, id, keep),
    cleanup: () => t.cleanup(),
  };
});
