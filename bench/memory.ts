/**
 * Memory per paper for `npm run bench`: 5,000 pasted abstracts through the
 * real workers (in this process, scripted model answering at once). Redis:
 * MEMORY USAGE summed over every key under the run's prefix (papers, drafts,
 * audit, identities, and BullMQ's kept jobs), so other users of the same Redis
 * do not count; INFO's used_memory difference is printed beside it. Worker:
 * the heap after a full GC, before and after, the growth per paper. Then the
 * same run with the records in PostgreSQL (DATABASE_URL: LAYSUM_BENCH_DATABASE_URL,
 * else the local test database): what stays in Redis a paper, and the
 * schema's tables, indexes and TOAST a paper (pg_total_relation_size).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import type { Config } from '../src/config/env.ts';
import { schemaFor } from '../src/store/pg/connect.ts';
import { dropPrefixSchema } from '../src/store/pg/migrate.ts';
import { mastersOf, type RedisClient } from '../src/store/redis-client.ts';
import { benchConfig, benchSummary, benchTexts, runLaySum } from './pipeline-run.ts';
import { startScriptedLlm } from './scripted-llm.ts';

const PAPERS = 5000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function usedMemory(redis: RedisClient): Promise<number> {
  let used = 0;
  for (const node of mastersOf(redis))
    used += Number(/used_memory:(\d+)/.exec(await node.info('memory'))?.[1] ?? Number.NaN);
  return used;
}

/** Bytes and key count of everything under `prefix`. */
async function prefixUsage(redis: RedisClient, prefix: string): Promise<{ bytes: number; keys: number }> {
  let bytes = 0;
  let keys = 0;
  for (const node of mastersOf(redis))
    for await (const found of node.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      const batch = node.pipeline();
      for (const key of found as string[]) batch.memory('USAGE', key);
      for (const [, n] of (await batch.exec()) ?? []) bytes += Number(n ?? 0);
      keys += (found as string[]).length;
    }
  return { bytes, keys };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const PG_URL = process.env.LAYSUM_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Bytes of every table of the prefix's schema, with its indexes and TOAST. */
async function schemaBytes(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

/** The same run with the records in PostgreSQL: Redis and PostgreSQL bytes a paper. */
async function pgMemory(baseURL: string): Promise<string> {
  const config: Config = benchConfig({ baseURL }, { DATABASE_URL: PG_URL });
  let line = '';
  try {
    await runLaySum(config, benchTexts(PAPERS), {
      before: async (redis, c) => {
        const { bytes, keys } = await prefixUsage(redis, c.redis.prefix);
        const pgBytes = await schemaBytes(PG_URL, schemaFor(c.redis.prefix));
        line = `  with DATABASE_URL: Redis ${kb(bytes / PAPERS)} a paper (${keys} keys, BullMQ's kept jobs included), PostgreSQL ${kb(pgBytes / PAPERS)} a paper (tables, indexes and TOAST of the schema)`;
      },
    });
  } finally {
    await dropPrefixSchema(PG_URL, config.redis.prefix).catch(() => {});
  }
  return line;
}

export async function benchMemory(): Promise<void> {
  const llm = await startScriptedLlm(benchSummary);
  let heapBefore = 0;
  let redisBefore = 0;
  const lines: string[] = [];
  try {
    const run = await runLaySum(benchConfig(llm), benchTexts(PAPERS), {
      ready: async (redis) => {
        heapBefore = heapAfterGc();
        redisBefore = await usedMemory(redis);
      },
      before: async (redis, config) => {
        const heap = heapAfterGc() - heapBefore;
        const used = (await usedMemory(redis)) - redisBefore;
        const { bytes, keys } = await prefixUsage(redis, config.redis.prefix);
        lines.push(
          `  Redis: ${kb(bytes / PAPERS)} a paper (MEMORY USAGE of its ${keys} keys / ${PAPERS}, BullMQ's kept jobs included); used_memory grew ${kb(used / PAPERS)} a paper (shared Redis: others' keys count there)`,
        );
        lines.push(
          `  worker heap after GC: ${heap >= 0 ? '+' : ''}${(heap / PAPERS).toFixed(0)} bytes a paper (${(heap / 1e6).toFixed(1)} MB over the run)`,
        );
      },
    });
    console.log(
      `Memory per paper (${PAPERS} pasted abstracts to pending review in ${run.seconds.toFixed(0)} s):`,
    );
    for (const line of lines) console.log(line);
    console.log(
      await pgMemory(llm.baseURL).catch(
        (err: unknown) => `  with DATABASE_URL: not measured (${String(err)})`,
      ),
    );
  } finally {
    await llm.close();
  }
}
