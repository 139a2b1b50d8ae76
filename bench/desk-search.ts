/**
 * The desk's search index at scale (issue 22: p99 < 100 ms at 500,000 papers
 * for the first page, a word search, filter + sort and page 1,000; no Redis
 * command over 10 ms while the desk is served). Printed, never asserted:
 * - PostgreSQL: BENCH_DESK_PAPERS (500,000) papers' index rows loaded into a
 *   schema of its own in DATABASE_URL (dropped afterwards) by multi-row
 *   INSERTs through the real migration's indexes, the counts rebuilt, then
 *   each desk view (./desk-queries.ts) timed through PgSearchIndex;
 * - Redis: BENCH_DESK_REDIS_PAPERS (50,000) papers written through the store
 *   into a private redis-server (./desk-redis.ts), the same views timed
 *   through the Redis index, and SLOWLOG read for the longest command.
 */
import { randomUUID } from 'node:crypto';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { ident } from '../src/store/pg/queryable.ts';
import { PgSearchIndex } from '../src/store/pg/search-index.ts';
import { deskViews, printTimings, timeFacets, timeViews } from './desk-queries.ts';
import { benchDeskRedis } from './desk-redis.ts';
import { loadIndexRows } from './desk-rows.ts';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PAPERS = Number(process.env.BENCH_DESK_PAPERS ?? 500_000);
const REDIS_PAPERS = Number(process.env.BENCH_DESK_REDIS_PAPERS ?? 50_000);
const ROUNDS = 200;
// Fewer: a Redis view at 50,000 papers takes a few hundred ms, and the seeding minutes.
const REDIS_ROUNDS = 50;

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function migrated(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`CREATE SCHEMA ${ident(schema)}`);
  const client = await pool.connect();
  try {
    await runner({
      ...{ dbClient: client, dir: 'migrations', direction: 'up', migrationsTable: 'laysum_migrations' },
      ...{ schema, noLock: true, log: () => {} },
    });
  } finally {
    client.release();
  }
}

async function benchPg(): Promise<void> {
  const schema = `bench_desk_${randomUUID().slice(0, 8)}`;
  const pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
  pool.on('error', () => {});
  try {
    await migrated(pool, schema);
    let t0 = performance.now();
    await loadIndexRows(pool, `${ident(schema)}.paper_index`, PAPERS, Date.now());
    console.log(`  PostgreSQL: ${PAPERS} papers' index rows loaded in ${seconds(t0)} s`);
    const index = new PgSearchIndex(pool, schema);
    t0 = performance.now();
    await index.markBuilt();
    await pool.query(`VACUUM ANALYZE ${ident(schema)}.paper_index`);
    const { rows } = await pool.query<{ table: string; all: string }>(
      `SELECT pg_table_size($1) AS table, pg_total_relation_size($1) AS all`,
      [`${schema}.paper_index`],
    );
    const [table, all] = [Number(rows[0]?.table), Number(rows[0]?.all)];
    console.log(
      `  PostgreSQL: counts rebuilt and analyzed in ${seconds(t0)} s; ${(all / PAPERS).toFixed(0)} bytes a paper with its indexes (${(table / PAPERS).toFixed(0)} the row alone)`,
    );
    printTimings('PostgreSQL', await timeViews(index, deskViews(PAPERS), ROUNDS));
    printTimings('PostgreSQL', [await timeFacets(index, ROUNDS)]);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
    await pool.end();
  }
}

export async function benchDeskSearch(): Promise<void> {
  console.log(
    `Desk search index (p50/p99 of ${ROUNDS} rounds each in PostgreSQL, ${REDIS_ROUNDS} in Redis, one at a time):`,
  );
  await benchPg();
  await benchDeskRedis(REDIS_PAPERS, REDIS_ROUNDS);
}
