/**
 * The desk and the published site at scale (printed, never asserted), on the
 * real Redis under a prefix of its own, removed afterwards:
 * - 5,000 published summaries and 5,000 papers waiting for review, written
 *   through the store (./seed.ts);
 * - the queue page (/desk, signed in) answer time, median and p95, for the
 *   first page, a PMID search, a filtered and sorted view and a deep page,
 *   timed by curl (target: under 300 ms);
 * - a summary page's and feed.json's throughput beside a plain node:http
 *   server answering the same bytes, each loaded from another process
 *   (./load.ts: wrk or autocannon with their defaults) one after the other
 *   (target: at least a third of it).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { load, median, quantile, timedGet } from './load.ts';
import { seedPapers, seedPmid } from './seed.ts';
import { startBenchServer } from './server.ts';

const PUBLISHED = 5000;
const PENDING = 5000;
const LOAD_S = 5;

async function timings(url: string, cookie: string, rounds = 15): Promise<{ median: number; p95: number }> {
  await timedGet(url, cookie);
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = await timedGet(url, cookie);
    if (t.status !== 200) throw new Error(`${url} answered ${t.status}`);
    ms.push(t.ms);
  }
  return { median: median(ms), p95: quantile(ms, 0.95) };
}

/** LaySum and a plain node:http server sending the same bytes, loaded the same way from outside. */
async function againstPlain(name: string, url: string, contentType: string): Promise<void> {
  const body = await (await fetch(url)).text();
  const plain = await plainServer(body, contentType);
  const ours = await load(url, LOAD_S);
  const theirs = await load(plain.url, LOAD_S);
  await plain.close();
  console.log(
    `  ${name} (${(body.length / 1024).toFixed(1)} KB): LaySum ${ours.requestsPerS.toFixed(0)} req/s (p99 ${ours.p99Ms.toFixed(1)} ms), plain node:http ${theirs.requestsPerS.toFixed(0)} req/s (p99 ${theirs.p99Ms.toFixed(1)} ms), ratio 1/${(theirs.requestsPerS / ours.requestsPerS).toFixed(1)} (target >= 1/3; ${ours.tool}, ${LOAD_S} s each, defaults)`,
  );
}

async function plainServer(
  body: string,
  contentType: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const bytes = Buffer.from(body);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function benchSite(): Promise<void> {
  const server = await startBenchServer('site');
  const ctx = server.ctx;
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
    await againstPlain('summary page', server.url + path, 'text/html; charset=UTF-8');
    await againstPlain('feed.json', `${server.url}/feed.json`, 'application/feed+json; charset=utf-8');
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSite();
