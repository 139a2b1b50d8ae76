/**
 * Schema migrations (node-pg-migrate, SQL files in the top-level migrations/
 * folder), run by every process at start inside the prefix's schema. A
 * session-level advisory lock keyed by the schema serialises concurrent
 * starts (serve, workers, CLI): the first runs what is pending, the others
 * then find nothing to do. The schema is created under the same lock.
 */
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { projectPath } from '../../config/paths.ts';
import { LaySumError } from '../../errors/laysum-error.ts';
import { type Pool, schemaFor } from './connect.ts';
import { ident } from './queryable.ts';

export const MIGRATIONS_DIR = projectPath('migrations');

const done = new WeakMap<Pool, Promise<void>>();

/** Bring the schema up to date (once per pool). */
export function migrate(pool: Pool, schema: string): Promise<void> {
  let running = done.get(pool);
  if (!running) {
    running = runLocked(pool, schema);
    done.set(pool, running);
    running.catch(() => done.delete(pool));
  }
  return running;
}

async function runLocked(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('laysum-migrate:' || $1))", [schema]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
      await runner({
        dbClient: client,
        dir: MIGRATIONS_DIR,
        direction: 'up',
        migrationsTable: 'laysum_migrations',
        schema,
        checkOrder: true,
        // Our own lock above covers the schema's creation too.
        noLock: true,
        log: () => {},
      });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('laysum-migrate:' || $1))", [schema]);
    }
  } catch (err) {
    throw new LaySumError(`Could not bring the PostgreSQL schema "${schema}" up to date.`, {
      hint: `Check that the database user may create schemas and tables, and that ${MIGRATIONS_DIR} holds LaySum's migrations.`,
      cause: err,
    });
  } finally {
    client.release();
  }
}

/** Drop a prefix's schema and everything in it (tests' cleanup, `laysum` never does this by itself). */
export async function dropSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
}

/** The same on a connection of its own, by prefix. */
export async function dropPrefixSchema(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${ident(schemaFor(prefix))} CASCADE`);
  } finally {
    await client.end();
  }
}
