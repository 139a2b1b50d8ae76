/**
 * The published site with more summaries than fit a page: the index and
 * topic pages are paged, the feeds carry the newest FEED_ITEMS only, and
 * what is cached (feeds, pages) changes as soon as a summary is published
 * or withdrawn.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPapers } from '../../bench/seed.ts';
import { unpublish } from '../../src/review/publishing.ts';
import { ClaimStore } from '../../src/store/claims.ts';
import { DecisionStore } from '../../src/store/decisions.ts';
import { type HttpHarness, startHttp } from './support.ts';

let h: HttpHarness;
let ids: string[];

beforeAll(async () => {
  h = await startHttp({ FEED_ITEMS: '5', SITE_PAGE_SIZE: '10' });
  ids = [];
  // One at a time so each has its own publication time (the order the site shows).
  for (let i = 0; i < 25; i++) ids.push(...(await seedPapers(h.deps.store, 1, { from: i, publish: true })));
}, 120_000);
afterAll(async () => {
  await h.cleanup();
});

const cards = (page: string) => [...page.matchAll(/<li class="card">/g)].length;
const text = async (path: string) => {
  const res = await h.call(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

async function feedIds(): Promise<string[]> {
  const feed = JSON.parse(await text('/feed.json')) as { items: { id: string }[] };
  return feed.items.map((i) => i.id);
}

describe('the published site, paged and cached', () => {
  it('pages the index and the topic pages', async () => {
    const first = await text('/');
    expect(cards(first)).toBe(10);
    expect(first).toContain('Page 1 of 3');
    expect(first).toContain('href="/?page=2"');
    expect(first).toContain('Seeded finding number 24 ');
    expect(cards(await text('/?page=3'))).toBe(5);
    const topic = await text('/?topic=sleep');
    expect(topic).toContain('Topic: sleep');
    expect(cards(topic)).toBeLessThanOrEqual(10);
  });

  it('feeds the newest FEED_ITEMS summaries and follows a publish and a withdrawal at once', async () => {
    expect(await feedIds()).toEqual(ids.slice(-5).reverse());
    expect(await text('/feed.xml')).toContain('Seeded finding number 24 ');
    const [added] = await seedPapers(h.deps.store, 1, { from: 25, publish: true });
    expect((await feedIds())[0]).toBe(added);
    const deps = {
      store: h.deps.store,
      enqueue: h.deps.enqueue,
      autoPublish: false,
      summarizer: 'openai' as const,
      checkProfile: { readingTargetGrade: 8, focus: [] },
      decisions: new DecisionStore(h.deps.store),
      claims: new ClaimStore(h.deps.store),
      claimTtlMs: 60_000,
    };
    await unpublish(deps, added ?? '', 'seed-reviewer', { reason: 'a test withdrawal' });
    expect(await feedIds()).toEqual(ids.slice(-5).reverse());
    expect(await text('/')).not.toContain('Seeded finding number 25 ');
  });

  it('shows related summaries from the same topics on a summary page', async () => {
    const feed = JSON.parse(await text('/feed.json')) as { items: { url: string }[] };
    const url = new URL(feed.items[0]?.url ?? '');
    const page = await text(url.pathname);
    expect(page).toContain('You May Also Like');
    expect(await text(url.pathname)).toBe(page);
  });
});
