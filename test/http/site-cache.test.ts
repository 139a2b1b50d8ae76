/**
 * The published site follows each publication without rebuilding itself
 * (src/http/site-cache.ts), on the real Redis: a publication or withdrawal
 * costs the papers it names, not every published paper; while a whole copy
 * is being built the previous one is served, and a withdrawn summary is out
 * of its page, the lists, the feeds and the related blocks at once anyway.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { seedPapers } from '../../bench/seed.ts';
import type { Papers } from '../../src/domain/ports/papers.ts';
import { SiteCache } from '../../src/http/site-cache.ts';
import { siteSource } from '../../src/publish/site-source.ts';
import { unpublish } from '../../src/review/publishing.ts';
import { ClaimStore } from '../../src/store/claims.ts';
import { DecisionStore } from '../../src/store/decisions.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { REDIS_URL, removePrefix, testPrefix } from '../support/harness.ts';
import { commandsDuring } from '../support/redis-monitor.ts';
import { type HttpHarness, startHttp } from './support.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const headline = (i: number) => `Seeded finding number ${i} `;

function withdraw(store: Papers, id: string): Promise<void> {
  const deps = {
    store,
    enqueue: {
      ingest: () => Promise.reject(new Error('unexpected')),
      summarize: () => Promise.reject(new Error('unexpected')),
    },
    autoPublish: false,
    summarizer: 'openai' as const,
    checkProfile: { readingTargetGrade: 8, focus: [] },
    decisions: new DecisionStore(store),
    claims: new ClaimStore(store),
    claimTtlMs: 60_000,
  };
  return unpublish(deps, id, 'seed-reviewer', { reason: 'a test withdrawal' });
}

/** Published papers 0..n-1, one at a time so each has its own publication time. */
async function publishSeeded(store: Papers, from: number, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) ids.push(...(await seedPapers(store, 1, { from: i, publish: true })));
  return ids;
}

/** The paper hashes the server reads while `run` runs. */
async function paperReads(h: HttpHarness, run: () => Promise<void>): Promise<number> {
  const prefix = internalsOf(h.deps.store).keys.prefix;
  const commands = await commandsDuring(internalsOf(h.deps.store).redis, prefix, run);
  return commands.filter((c) => c.startsWith(`hgetall "${prefix}:paper:`)).length;
}

describe('the published site after a publication', () => {
  it('reads only the papers a publication or withdrawal names, and shows the change from the next request', async () => {
    const h = await startHttp({ FEED_ITEMS: '5', SITE_PAGE_SIZE: '10' });
    cleanups.push(() => h.cleanup());
    const store = h.deps.store;
    const ids = await publishSeeded(store, 0, 40);
    const home = async () => (await h.call('/')).text();
    expect(await home()).toContain(headline(39));

    const [added = ''] = await publishSeeded(store, 40, 1);
    let page = '';
    const onPublish = await paperReads(h, async () => {
      page = await home();
    });
    expect(page).toContain(headline(40));
    expect(onPublish).toBeLessThanOrEqual(2); // the whole site read again: 41

    // Paper 32 shares every topic with paper 40, the newest such: its related block lists it.
    const neighbour = (await h.call(`/s/${ids[32]}`)).headers.get('location') ?? '';
    expect(await (await h.call(neighbour)).text()).toContain(added);

    await withdraw(store, added);
    const onWithdraw = await paperReads(h, async () => {
      page = await home();
    });
    expect(page).not.toContain(headline(40));
    expect(onWithdraw).toBeLessThanOrEqual(2);
    expect(await (await h.call(neighbour)).text()).not.toContain(added);
    expect((await h.call('/feed.json').then((r) => r.text())).includes(added)).toBe(false);
  }, 240_000);
});

describe('while a whole copy is being built', () => {
  it('serves the previous copy, with a withdrawn summary gone from everything at once', async () => {
    const prefix = testPrefix();
    const redis = new Redis(REDIS_URL);
    cleanups.push(async () => {
      await removePrefix(redis, prefix);
      await redis.quit();
    });
    const store = new PaperStore(redis, prefix);
    const [kept = '', withdrawn = ''] = await publishSeeded(store, 0, 12).then((ids) => [ids[3], ids[11]]);
    const source = siteSource(store);
    let hold: Promise<void> = Promise.resolve();
    let builds = 0;
    const site = new SiteCache(
      {
        ...source,
        loadAll: async () => {
          builds++;
          await hold;
          return source.loadAll();
        },
      },
      {
        ...{ baseUrl: 'http://site.test', disclaimer: 'd', feedItems: 5, pageSize: 10, feedTitle: 't' },
        credit: { ai: 'a', extractive: 'e', names: false },
      },
    );
    expect(await site.index(undefined, 1)).toContain(headline(11));
    expect(builds).toBe(1);
    // Paper 3 shares all its topics with paper 11, the newest such: its related block lists it.
    expect((await site.summary(kept))?.html).toContain(withdrawn);

    // A publication this server cannot apply by itself (as if written by an older LaySum: no change recorded).
    let release = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const [added = ''] = await publishSeeded(store, 12, 1);
    await redis.del(internalsOf(store).keys.publicChanges);

    const stale = await site.index(undefined, 1);
    expect(builds).toBe(2); // started, not waited for
    expect(stale).toContain(headline(11));
    expect(stale).not.toContain(headline(12));
    expect((await site.summary(added))?.html).toContain(headline(12)); // its own page at once

    await withdraw(store, withdrawn);
    expect(await site.summary(withdrawn)).toBeNull();
    expect(await site.index(undefined, 1)).not.toContain(headline(11));
    expect(await site.index('exercise', 1)).not.toContain(withdrawn);
    expect(await site.jsonFeed()).not.toContain(withdrawn);
    expect(await site.rssFeed()).not.toContain(withdrawn);
    expect((await site.summary(kept))?.html).not.toContain(withdrawn);

    release();
    await site.settled();
    const fresh = await site.index(undefined, 1);
    expect(fresh).toContain(headline(12));
    expect(fresh).not.toContain(headline(11));
  }, 240_000);
});
