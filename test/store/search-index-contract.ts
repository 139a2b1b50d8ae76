/**
 * What the review queue's search index must do, whichever store keeps it:
 * the same seeded papers (bench/seed.ts) and the same answers from the Redis
 * index (./search-index.test.ts) and the PostgreSQL one (./pg-search-index.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SUBMITTERS, seedDoi, seedDraft, seedPmid } from '../../bench/seed.ts';
import type { IndexQuery, SearchIndex } from '../../src/domain/ports/search-index.ts';
import type { PaperState } from '../../src/domain/state.ts';

/** A seeded paper: its number in bench/seed.ts, its id and creation time (ms). */
export interface Seeded {
  i: number;
  id: string;
  created: number;
}

export interface IndexBackend {
  index: SearchIndex;
  /** Papers 0..count-1, drafted and pending review, in order of creation (some in the same ms). */
  seed(count: number): Promise<Seeded[]>;
  /** Paper `i` submitted but not drafted yet (queued, no check result). */
  bare(i: number): Promise<Seeded>;
  setState(id: string, state: PaperState): Promise<void>;
  /** The paper leaves the index (merged into `keep`, as a duplicate found at ingest). */
  remove(id: string, keep: string): Promise<void>;
  cleanup(): Promise<void>;
}

const COUNT = 30;
const base: IndexQuery = { sort: 'age', order: 'desc', offset: 0, limit: 100 };
const newestFirst = (a: Seeded, b: Seeded) =>
  b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const topicsOf = (i: number) => seedDraft(i).summary.topics;
const credibilityOf = (i: number) => seedDraft(i).summary.ratings.credibility.score;

export function describeSearchIndex(name: string, open: () => Promise<IndexBackend>): void {
  describe(`the search index (${name})`, () => {
    let b: IndexBackend;
    let papers: Seeded[];
    const byId = (id: string) => papers.find((p) => p.id === id) ?? { i: -1, id, created: 0 };
    const query = (q: Partial<IndexQuery>) => b.index.query({ ...base, ...q });
    const setUp = async () => {
      b = await open();
      papers = await b.seed(COUNT);
    };
    afterEach(async () => {
      await b.cleanup();
    });

    it('pages newest first, then oldest first, through every paper once', async () => {
      await setUp();
      const expected = [...papers].sort(newestFirst).map((p) => p.id);
      const seen: string[] = [];
      for (let offset = 0; offset < COUNT + 7; offset += 7) {
        const page = await query({ offset, limit: 7 });
        expect(page.total).toBe(COUNT);
        seen.push(...page.ids);
      }
      expect(seen).toEqual(expected);
      expect((await query({ order: 'asc' })).ids).toEqual([...expected].reverse());
      expect(await query({ offset: COUNT, limit: 5 })).toMatchObject({ total: COUNT, ids: [] });
    });

    it('finds a paper by its PMID, its DOI and a word of its title; every word must match', async () => {
      await setUp();
      const p = papers[7] ?? papers[0];
      for (const tokens of [[seedPmid(7)], [seedDoi(7)], ['seed7'], ['seed7', 'results']])
        expect((await query({ tokens })).ids, tokens.join(' ')).toEqual([p?.id]);
      expect((await query({ tokens: ['seed7', 'unicorns'] })).total).toBe(0);
      const journal = await query({ tokens: ['journal', 'seeded', 'results'] });
      expect(journal.total).toBe(COUNT / 2);
      expect(journal.ids.every((id) => byId(id).i % 2 === 1)).toBe(true);
    });

    it('filters by topic (any case), check result, provider, model, submitter and state', async () => {
      await setUp();
      const expectIds = async (q: Partial<IndexQuery>, keep: (s: Seeded) => boolean) => {
        const want = papers.filter(keep).sort(newestFirst);
        expect(want.length, JSON.stringify(q)).toBeGreaterThan(0);
        const { total, ids } = await query(q);
        expect({ total, ids }, JSON.stringify(q)).toEqual({ total: want.length, ids: want.map((s) => s.id) });
        expect((await query({ ...q, limit: 1, offset: 1 })).total, JSON.stringify(q)).toBe(want.length);
      };
      await expectIds({ topic: ' Heart  Health' }, (s) => topicsOf(s.i).includes('heart health'));
      await expectIds({ check: 'fail' }, (s) => s.i % 3 === 2);
      await expectIds({ provider: 'extractive' }, (s) => s.i % 3 === 0);
      await expectIds({ model: 'llama3.1', submitter: SUBMITTERS[1] }, (s) => s.i % 3 === 1 && s.i % 2 === 0);
      await expectIds({ state: 'pending_review', topic: 'sleep', check: 'pass' }, (s) => {
        return topicsOf(s.i).includes('sleep') && s.i % 3 === 0;
      });
      expect((await query({ state: 'approved' })).total).toBe(0);
      const bare = await b.bare(COUNT);
      expect((await query({ check: 'none' })).ids).toEqual([bare.id]);
      expect((await query({ state: 'queued' })).ids).toEqual([bare.id]);
    });

    it('filters by creation time, both ends inclusive', async () => {
      await setUp();
      const sorted = [...papers].sort(newestFirst);
      const [hi, lo] = [sorted[3], sorted[12]];
      if (!hi || !lo) throw new Error('seeded too few');
      const inside = papers.filter((s) => s.created >= lo.created && s.created <= hi.created);
      expect((await query({ from: lo.created, to: hi.created })).total).toBe(inside.length);
      expect((await query({ from: hi.created + 10_000_000 })).total).toBe(0);
      expect((await query({ to: lo.created - 10_000_000, topic: 'sleep' })).total).toBe(0);
    });

    it('sorts by credibility, checks and grade, each way, and pages a sort without overlap', async () => {
      await setUp();
      const cred = (ids: string[]) => ids.map((id) => credibilityOf(byId(id).i));
      expect(cred((await query({ sort: 'credibility', limit: 6 })).ids)).toEqual([5, 5, 5, 5, 5, 5]);
      expect(cred((await query({ sort: 'credibility', order: 'asc', limit: 6 })).ids)).toEqual([
        1, 1, 1, 1, 1, 1,
      ]);
      const worst = await query({ sort: 'checks', limit: 10 });
      expect(worst.ids.every((id) => byId(id).i % 3 === 2)).toBe(true);
      const best = await query({ sort: 'checks', order: 'asc', limit: 10 });
      expect(best.ids.every((id) => byId(id).i % 3 === 0)).toBe(true);
      const pages = [0, 8, 16, 24].map((offset) => query({ sort: 'grade', order: 'asc', offset, limit: 8 }));
      const ids = (await Promise.all(pages)).flatMap((p) => p.ids);
      expect(new Set(ids).size).toBe(COUNT);
    });

    it('counts facet values, most used first, and forgets a paper that leaves', async () => {
      await setUp();
      expect(await b.index.facet('submitter')).toEqual(expect.arrayContaining([...SUBMITTERS]));
      expect(await b.index.facet('provider')).toEqual(['openai', 'extractive']);
      expect(await b.index.facet('provider', 1)).toEqual(['openai']);
      const topics = await b.index.facet('topic');
      expect(new Set(topics)).toEqual(new Set(papers.flatMap((s) => topicsOf(s.i))));
      const keep = papers[0]?.id ?? '';
      const leaving = papers.filter((s) => s.i % 3 === 2);
      for (const s of leaving) await b.remove(s.id, keep);
      expect(await b.index.facet('submitter')).not.toContain(SUBMITTERS[2]);
      expect((await query({ tokens: [seedPmid(2)] })).total).toBe(0);
      expect((await query({})).total).toBe(COUNT - leaving.length);
    });

    it('follows a paper to its new state', async () => {
      await setUp();
      const id = papers[4]?.id ?? '';
      await b.setState(id, 'approved');
      expect((await query({ state: 'approved' })).ids).toEqual([id]);
      expect((await query({ state: 'pending_review' })).total).toBe(COUNT - 1);
    });
  });
}
