/**
 * The desk and the published site at scale (printed, never asserted), on the
 * real Redis under a prefix of its own, removed afterwards:
 * - 5,000 published summaries and 5,000 papers waiting for review, written
 *   through the store (./seed.ts);
 * - the queue page (/desk, signed in) answer time, median and p95, for the
 *   first page, a PMID search, a filtered and sorted view and a deep page
 *   (target: under 300 ms);
 * - a summary page's throughput beside a plain node:http server answering
 *   the same bytes, measured the same way one after the other (target: at
 *   least a fifth of it).
 */
import { randomUUID } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, withOverrides } from '../src/config/env.ts';
import { createApp } from '../src/http/app.tsx';
import { listen } from '../src/http/server.ts';
import { createLogger } from '../src/log/logger.ts';
import { appDeps } from '../src/runtime/app-deps.ts';
import { createContext } from '../src/runtime/context.ts';
import { deletePrefix } from '../src/store/redis.ts';
import { seedPapers, seedPmid } from './seed.ts';

const PUBLISHED = 5000;
const PENDING = 5000;
const LOAD_MS = 4000;
const CONNECTIONS = 16;

function get(agent: Agent, url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Requests per second over `LOAD_MS` with `CONNECTIONS` keep-alive connections. */
async function throughput(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const end = performance.now() + LOAD_MS;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) {
      if ((await get(agent, url)) !== 200) throw new Error(`${url} did not answer 200`);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return done / ((performance.now() - start) / 1000);
}

async function timings(url: string, cookie: string, rounds = 15): Promise<{ median: number; p95: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await get(agent, url, { cookie });
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const status = await get(agent, url, { cookie });
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    ms.push(performance.now() - t0);
  }
  agent.destroy();
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] ?? 0, p95: ms[Math.floor(ms.length * 0.95)] ?? 0 };
}

async function plainServer(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const bytes = Buffer.from(body);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function benchSite(): Promise<void> {
  const prefix = `bench-site-${randomUUID().slice(0, 8)}`;
  const config = withOverrides(loadConfig(), { LAYSUM_PREFIX: prefix, LLM_PROVIDER: 'extractive' });
  const ctx = await createContext(config);
  const quiet = createLogger(
    { ...config, log: { level: 'silent', format: 'json' } },
    { destination: { write: () => true } },
  );
  const server = await listen(createApp(appDeps(ctx, quiet)), 0, '127.0.0.1');
  try {
    const t0 = performance.now();
    await seedPapers(ctx.store, PUBLISHED, { publish: true });
    await seedPapers(ctx.store, PENDING, { from: PUBLISHED });
    console.log(
      `Site at scale: seeded ${PUBLISHED} published + ${PENDING} pending papers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const reviewer = await ctx.users.add('bench-reviewer', 'reviewer');
    const stored = await ctx.users.authenticate(reviewer.token);
    if (!stored) throw new Error('the bench reviewer cannot sign in');
    const cookie = `laysum_session=${(await ctx.sessions.create(stored)).id}`;
    const views = {
      'first page': '/desk',
      'PMID search': `/desk?q=${seedPmid(PUBLISHED + PENDING - 1)}`,
      'topic + checks + sort by credibility': '/desk?topic=sleep&check=fail&sort=credibility',
      'page 150 of pending': '/desk?state=pending_review&page=150&limit=20',
    };
    for (const [name, path] of Object.entries(views)) {
      const t = await timings(server.url + path, cookie);
      console.log(
        `  queue (${name}): median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (target < 300 ms)`,
      );
    }
    const feed = JSON.parse(await (await fetch(`${server.url}/feed.json`)).text()) as {
      items: { url: string }[];
    };
    const path = new URL(feed.items[10]?.url ?? '').pathname;
    const body = await (await fetch(server.url + path)).text();
    const plain = await plainServer(body);
    const ours = await throughput(server.url + path);
    const theirs = await throughput(plain.url);
    await plain.close();
    console.log(
      `  summary page (${(body.length / 1024).toFixed(1)} KB): LaySum ${ours.toFixed(0)} req/s, plain node:http ${theirs.toFixed(0)} req/s, ratio 1/${(theirs / ours).toFixed(1)} (target >= 1/5)`,
    );
  } finally {
    await server.close();
    await deletePrefix(ctx.redis, prefix);
    await ctx.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSite();
