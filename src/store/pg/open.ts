/**
 * Open the PostgreSQL record store for a prefix: the pool on the prefix's
 * schema, a check that the server answers (a clear message when it does
 * not), the migrations brought up to date, and the store with its index.
 */
import { redactUrlCredentials } from '../../errors/redact.ts';
import type { RedisClient } from '../redis-client.ts';
import { assertPgReachable, createPgPool, type Pool, schemaFor } from './connect.ts';
import { type DatabaseHealth, pgHealth } from './health.ts';
import { migrate } from './migrate.ts';
import { openRecordIndex } from './open-index.ts';
import { PgPaperStore } from './papers.ts';

export interface PgRecords {
  store: PgPaperStore;
  pool: Pool;
  schema: string;
  health: DatabaseHealth;
  close(): Promise<void>;
}

export async function openPgRecords(url: string, prefix: string, redis: RedisClient): Promise<PgRecords> {
  const schema = schemaFor(prefix);
  await assertPgReachable(url);
  const pool = createPgPool(url, schema);
  try {
    await migrate(pool, schema);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  const store = new PgPaperStore(pool, redis, prefix, openRecordIndex(pool, schema));
  const health = pgHealth(pool, redactUrlCredentials(url));
  return { store, pool, schema, health, close: () => pool.end() };
}
