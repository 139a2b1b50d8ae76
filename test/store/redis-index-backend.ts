/**
 * The contract's backend for the Redis index (./search-index-contract.ts):
 * papers written through a test store, the index optionally with small query
 * limits so that a few dozen papers take every path a large Redis takes.
 */
import { seedPapers, seedPmid } from '../../bench/seed.ts';
import { identitiesOf } from '../../src/domain/identity.ts';
import type { QueryLimits } from '../../src/store/index-query.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { discard } from '../../src/store/merges.ts';
import { SearchIndex } from '../../src/store/search-index.ts';
import { createTestStore } from '../publish/redis-support.ts';
import type { IndexBackend, Seeded } from './search-index-contract.ts';

export async function redisIndexBackend(limits?: QueryLimits): Promise<IndexBackend> {
  const t = createTestStore();
  const { scripts, keys } = internalsOf(t.store);
  const seeded = async (id: string, i: number): Promise<Seeded> => {
    const created = Date.parse((await t.store.require(id)).createdAt);
    return { i, id, created };
  };
  return {
    index: limits ? new SearchIndex(scripts, keys, limits) : t.store.index,
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
}
