/**
 * The Redis half of the desk search benchmark (./desk-search.ts): a private
 * redis-server (first free port from 7400, no persistence, SLOWLOG keeping
 * every command over 1 ms), papers written through the store as the pipeline
 * writes them (./seed.ts), the desk views timed through the Redis index, and
 * the longest commands Redis ran meanwhile.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PaperStore } from '../src/store/papers.ts';
import { deskViews, printTimings, timeFacets, timeViews } from './desk-queries.ts';
import { seedPapers } from './seed.ts';

const portFree = (port: number) =>
  new Promise<boolean>((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });

async function startRedis(): Promise<{ redis: Redis; stop(): Promise<void> }> {
  let port = 7400;
  while (!(await portFree(port))) port++;
  const dir = mkdtempSync(join(tmpdir(), 'laysum-bench-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 3 });
  redis.on('error', () => {});
  // Wait for the server however long it takes to start (a busy machine), up to a minute.
  for (let tries = 0; ; tries++) {
    try {
      await redis.connect();
      await redis.ping();
      break;
    } catch (err) {
      if (tries > 600) throw err;
      redis.disconnect();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await redis.config('SET', 'slowlog-log-slower-than', '1000');
  await redis.config('SET', 'slowlog-max-len', '100000');
  return {
    redis,
    async stop() {
      redis.disconnect();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type SlowEntry = [id: number, at: number, micros: number, args: string[]];

/** The commands SLOWLOG kept since the last reset: how many took over 10 ms, and the longest. */
async function slowest(redis: Redis): Promise<string> {
  const log = (await redis.slowlog('GET', 100_000)) as SlowEntry[];
  const over10 = log.filter((e) => e[2] > 10_000).length;
  const top = [...log].sort((a, b) => b[2] - a[2])[0];
  if (!top) return 'no command over 1 ms';
  const [cmd, first] = top[3];
  const what = cmd?.toUpperCase().startsWith('EVAL')
    ? `${cmd} (a Lua script, ${top[3].length} args)`
    : `${cmd} ${first ?? ''}`;
  return `${log.length} commands over 1 ms, ${over10} over 10 ms; the longest ${(top[2] / 1000).toFixed(1)} ms: ${what}`;
}

export async function benchDeskRedis(papers: number, rounds: number): Promise<void> {
  const server = await startRedis();
  try {
    const store = new PaperStore(server.redis, 'bench-desk');
    const t0 = performance.now();
    await seedPapers(store, papers, { concurrency: 50 });
    console.log(
      `  Redis: ${papers} papers written through the store in ${((performance.now() - t0) / 1000).toFixed(1)} s (all pending review)`,
    );
    await server.redis.slowlog('RESET');
    printTimings('Redis', await timeViews(store.index, deskViews(papers), rounds));
    console.log(
      `  Redis SLOWLOG during the Redis index's views: ${await slowest(server.redis)} (target: none over 10 ms)`,
    );
    await server.redis.slowlog('RESET');
    printTimings('Redis', [await timeFacets(store.index, rounds)]);
    console.log(`  Redis SLOWLOG during the facets: ${await slowest(server.redis)}`);
  } finally {
    await server.stop();
  }
}
