/**
 * The first public request after a publication against an ordinary one, at
 * a large published count (printed, never asserted), on the real Redis under
 * a prefix of its own, removed afterwards:
 * - BENCH_PUBLISHED summaries (default 100,000) published through the store
 *   (./seed.ts), then the server started in this process and its whole copy
 *   built by a first request;
 * - `/` and `/feed.json` timed by curl (another process) while nothing
 *   changes, and right after each of 15 publications (target: the first
 *   request after a publication within 2x of an ordinary one);
 * - `/` loaded from another process (./load.ts) with and without a
 *   publication every 2 s, p99 beside p99.
 */
import type { Papers } from '../src/domain/ports/papers.ts';
import { load, median, quantile, timedGet } from './load.ts';
import { seedPaper, seedPapers } from './seed.ts';
import { startBenchServer } from './server.ts';

const ROUNDS = 15;
const LOAD_S = 10;

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function samples(url: string, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = await timedGet(url);
    if (t.status !== 200) throw new Error(`${url} answered ${t.status}`);
    ms.push(t.ms);
  }
  return ms;
}

/** Publish one more paper, then time the very next request to `url`; `ROUNDS` times. */
async function afterPublish(store: Papers, url: string, next: () => number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await seedPaper(store, next(), { publish: true });
    const t = await timedGet(url);
    if (t.status !== 200) throw new Error(`${url} answered ${t.status}`);
    ms.push(t.ms);
  }
  return ms;
}

export async function benchPublish(): Promise<void> {
  const count = Number(process.env.BENCH_PUBLISHED ?? 100_000);
  const server = await startBenchServer('pub');
  const ctx = server.ctx;
  let n = count;
  const next = () => n++;
  try {
    const t0 = performance.now();
    await seedPapers(ctx.store, count, { publish: true, concurrency: 200 });
    const seeded = (performance.now() - t0) / 1000;
    const build = await timedGet(`${server.url}/`);
    console.log(
      `First request after a publication, ${count.toLocaleString('en')} published (seeded in ${seeded.toFixed(0)} s): the server's first request built its copy in ${fmt(build.ms)}; server RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
    for (const path of ['/', '/feed.json']) {
      const url = server.url + path;
      const ordinary = await samples(url, 30);
      const after = await afterPublish(ctx.store, url, next);
      const ratio = median(after) / median(ordinary);
      console.log(
        `  ${path}: ordinary median ${fmt(median(ordinary))} (p90 ${fmt(quantile(ordinary, 0.9))}); first after a publication median ${fmt(median(after))}, worst ${fmt(Math.max(...after))} of ${ROUNDS}; ratio ${ratio.toFixed(2)}x (target <= 2x)`,
      );
    }
    const quietLoad = await load(`${server.url}/`, LOAD_S);
    let publishing = true;
    let published = 0;
    const publisher = (async () => {
      while (publishing) {
        await new Promise((r) => setTimeout(r, 2000));
        if (!publishing) break;
        await seedPaper(ctx.store, next(), { publish: true });
        published++;
      }
    })();
    const busyLoad = await load(`${server.url}/`, LOAD_S);
    publishing = false;
    await publisher;
    console.log(
      `  / under load (${quietLoad.tool}, ${LOAD_S} s, defaults): ${quietLoad.requestsPerS.toFixed(0)} req/s, p99 ${fmt(quietLoad.p99Ms)} with no publication; ${busyLoad.requestsPerS.toFixed(0)} req/s, p99 ${fmt(busyLoad.p99Ms)} while ${published} publications landed (p99 ratio ${(busyLoad.p99Ms / quietLoad.p99Ms).toFixed(2)}x)`,
    );
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPublish();
