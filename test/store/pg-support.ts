/** A PostgreSQL schema of its own per test, migrated up, dropped by `cleanup()`. */
import { randomUUID } from 'node:crypto';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { ident } from '../../src/store/pg/queryable.ts';

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  pool: pg.Pool;
  schema: string;
  cleanup(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const pool = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}`, max: 4 });
  pool.on('error', () => {});
  await pool.query(`CREATE SCHEMA ${ident(schema)}`);
  const client = await pool.connect();
  try {
    await runner({
      ...{ dbClient: client, dir: 'migrations', direction: 'up', migrationsTable: 'laysum_migrations' },
      ...{ schema, checkOrder: true, noLock: true, log: () => {} },
    });
  } finally {
    client.release();
  }
  return {
    pool,
    schema,
    async cleanup() {
      await pool.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
      await pool.end();
    },
  };
}
