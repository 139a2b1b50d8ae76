/**
 * GET /api/drafts over more papers than the old 500-row window: pages,
 * search by PMID, DOI and words, each filter, sorting, counts and today's
 * decisions, all answered from the Redis index the store keeps in step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDoi, seedPapers, seedPmid } from '../../bench/seed.ts';
import type { DraftList } from '../../src/review/queries.ts';
import { type HttpHarness, startHttp } from './support.ts';

const COUNT = 520;
let h: HttpHarness;
let ids: string[];

beforeAll(async () => {
  h = await startHttp();
  ids = await seedPapers(h.deps.store, COUNT - 1);
  await new Promise((r) => setTimeout(r, 5));
  ids.push(...(await seedPapers(h.deps.store, 1, { from: COUNT - 1 })));
}, 120_000);
afterAll(async () => {
  await h.cleanup();
});

async function list(query: string): Promise<DraftList> {
  const res = await h.call(`/api/drafts${query}`, { token: h.tokens.reviewer });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as DraftList;
}

const newest = () => ids[COUNT - 1];

describe('the queue over more than 500 papers', () => {
  it('pages newest first, 50 by default, through every paper', async () => {
    const first = await list('');
    expect(first.total).toBe(COUNT);
    expect(first.drafts).toHaveLength(50);
    expect(first.drafts[0]?.id).toBe(newest());
    expect(first.pages).toBe(11);
    const last = await list('?page=11');
    expect(last.drafts).toHaveLength(COUNT - 500);
    const seen = new Set<string>();
    for (let page = 1; page <= 6; page++)
      for (const d of (await list(`?page=${page}&limit=100`)).drafts) seen.add(d.id);
    expect(seen.size).toBe(COUNT);
    // Papers seeded in the same millisecond tie: the oldest is one submitted at the first moment.
    const oldest = await list('?order=asc&limit=1');
    const firstAt = (await h.deps.store.require(ids[0] ?? '')).createdAt;
    expect(oldest.drafts[0]?.createdAt).toBe(firstAt);
  });

  it('finds the newest paper by its PMID, its DOI (any spelling) and a word of its title', async () => {
    const i = COUNT - 1;
    for (const q of [seedPmid(i), seedDoi(i), `https://doi.org/${seedDoi(i).toUpperCase()}`, `seed${i}`]) {
      const found = await list(`?q=${encodeURIComponent(q)}`);
      expect(found.total, q).toBe(1);
      expect(found.drafts[0]?.id).toBe(newest());
    }
    const words = await list(`?q=${encodeURIComponent('seeded unicorns')}`);
    expect(words.total).toBe(0);
    const journal = await list(`?q=${encodeURIComponent('Seeded Results journal')}&limit=200`);
    expect(journal.total).toBe(COUNT / 2);
    expect(journal.drafts.every((d) => d.journal === 'Journal of Seeded Results')).toBe(true);
  });

  it('filters by topic, check result, provider, model, submitter, state and date', async () => {
    const sleep = await list('?topic=Sleep&limit=200');
    expect(sleep.total).toBeGreaterThan(0);
    expect(sleep.drafts.every((d) => d.topics.includes('sleep'))).toBe(true);
    const failing = await list('?check=fail&limit=200');
    expect(failing.total).toBe(Math.ceil((COUNT - 2) / 3));
    expect(failing.drafts.every((d) => d.checkResult === 'fail')).toBe(true);
    const extractive = await list('?provider=extractive&limit=200');
    expect(extractive.drafts.every((d) => d.provider === 'extractive')).toBe(true);
    const llama = await list('?model=llama3.1&submitter=web:lee&limit=200');
    expect(llama.total).toBeGreaterThan(0);
    expect(llama.drafts.every((d) => d.model === 'llama3.1' && d.submitter === 'web:lee')).toBe(true);
    expect(llama.submitters).toEqual(expect.arrayContaining(['api:dana', 'web:lee', 'watch:pubmed-sleep']));
    expect((await list('?state=pending_review')).total).toBe(COUNT);
    expect((await list('?state=approved')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list(`?from=${today}&to=${today}`)).total).toBe(COUNT);
    expect((await list('?to=2020-01-01')).total).toBe(0);
    expect((await list(`?from=2999-01-01&topic=sleep`)).total).toBe(0);
  });

  it('sorts by credibility, checks and grade, each way', async () => {
    const high = await list('?sort=credibility&limit=20');
    expect(high.drafts.every((d) => d.credibility === 5)).toBe(true);
    const low = await list('?sort=credibility&order=asc&limit=20');
    expect(low.drafts.every((d) => d.credibility === 1)).toBe(true);
    const worst = await list('?sort=checks&limit=10');
    expect(worst.drafts.every((d) => d.checkResult === 'fail')).toBe(true);
    const grades = (await list('?sort=grade&limit=200')).drafts.map((d) => d.grade ?? 0);
    expect(grades).toEqual([...grades].sort((a, b) => b - a));
  });

  it('follows an edit, and counts decisions per reviewer today', async () => {
    const id = newest() ?? '';
    const changes = { headline: 'Zebrafish nap longer when the lights stay dim' };
    const edit = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: { basedOn: 1, changes },
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    expect((await list('?q=zebrafish')).drafts.map((d) => d.id)).toEqual([id]);
    const approve = await h.call(`/api/drafts/${id}/approve`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 2 },
    });
    expect(approve.status, await approve.clone().text()).toBe(200);
    const after = await list('?state=approved');
    expect(after.drafts.map((d) => d.id)).toEqual([id]);
    expect(after.counts.approved).toBe(1);
    expect(after.today).toEqual([{ reviewer: 'reviewer-1', decisions: 1 }]);
  });

  it('says what to use for a bad sort, check, date or page', async () => {
    for (const q of ['?sort=random', '?check=maybe', '?from=yesterday', '?page=0', '?limit=x', '?order=up']) {
      const res = await h.call(`/api/drafts${q}`, { token: h.tokens.reviewer });
      expect(res.status, q).toBe(400);
      expect((await res.json()).hint, q).toMatch(/Use|Write/);
    }
  });
});
