/**
 * The record store on each backend, for tests of the ports: Redis (the
 * default) and PostgreSQL (LAYSUM_TEST_DATABASE_URL, else the local test
 * database), each under a prefix (and schema) of its own that `cleanup()`
 * removes.
 */
import { Redis } from 'ioredis';
import type { Decisions } from '../../src/domain/ports/decisions.ts';
import type { Papers } from '../../src/domain/ports/papers.ts';
import { DecisionStore } from '../../src/store/decisions.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { dropSchema } from '../../src/store/pg/migrate.ts';
import { openPgRecords } from '../../src/store/pg/open.ts';
import { deletePrefix } from '../../src/store/redis.ts';
import { REDIS_URL, testPrefix } from './harness.ts';

export const PG_URL = process.env.LAYSUM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface RecordStore {
  backend: 'redis' | 'postgres';
  prefix: string;
  store: Papers;
  decisions: Decisions;
  /** Close the connections, leaving the data (for stores sharing a prefix). */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

export type Backend = RecordStore['backend'];
export const BACKENDS: Backend[] = ['redis', 'postgres'];

export async function openRecordStore(backend: Backend, prefix = testPrefix()): Promise<RecordStore> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  if (backend === 'redis') {
    const store = new PaperStore(redis, prefix);
    return {
      backend,
      prefix,
      store,
      decisions: new DecisionStore(store),
      close: () => redis.quit().then(() => undefined),
      async cleanup() {
        await deletePrefix(redis, prefix);
        await redis.quit();
      },
    };
  }
  const records = await openPgRecords(PG_URL, prefix, redis);
  return {
    backend,
    prefix,
    store: records.store,
    decisions: new DecisionStore(records.store),
    async close() {
      await records.close();
      await redis.quit();
    },
    async cleanup() {
      await dropSchema(records.pool, records.schema);
      await records.close();
      await deletePrefix(redis, prefix);
      await redis.quit();
    },
  };
}
