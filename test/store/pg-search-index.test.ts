/**
 * The queue's search index in the real PostgreSQL (a schema of its own per
 * test): the contract the Redis index keeps (./search-index-contract.ts),
 * and what only this one has to get right: a row replaced by a new draft,
 * tokens that need quoting in a tsquery, and facet counts rebuilt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SUBMITTERS, seedDraft, seedPmid, seedRecord } from '../../bench/seed.ts';
import type { Draft } from '../../src/domain/draft.ts';
import { type IndexedRecord, PgSearchIndex } from '../../src/store/pg/search-index.ts';
import { createTestSchema, type TestSchema } from './pg-support.ts';
import { describeSearchIndex } from './search-index-contract.ts';

const BASE = Date.parse('2026-01-01T00:00:00Z');

/** Seeded paper `i`, created at BASE + i/2 s (papers 2k and 2k+1 in the same ms). */
function paperOf(i: number, state: IndexedRecord['state'] = 'pending_review'): IndexedRecord {
  return {
    ...{ id: `p${String(i).padStart(4, '0')}`, state },
    createdAt: new Date(BASE + Math.floor(i / 2) * 1000).toISOString(),
    submission: { kind: 'pmid', pmid: seedPmid(i) },
    origin: { actor: SUBMITTERS[i % SUBMITTERS.length] ?? 'test' },
    record: seedRecord(i),
  };
}

describeSearchIndex('PostgreSQL', async () => {
  const s = await createTestSchema();
  const index = new PgSearchIndex(s.pool, s.schema);
  const put = async (i: number, draft: Draft | null, state?: IndexedRecord['state']) => {
    const paper = paperOf(i, state);
    await index.put(s.pool, paper, draft);
    return { i, id: paper.id, created: Date.parse(paper.createdAt) };
  };
  return {
    index,
    seed: (count) => Promise.all(Array.from({ length: count }, (_, i) => put(i, seedDraft(i)))),
    bare: (i) => put(i, null, 'queued'),
    setState: (id, state) => index.setState(s.pool, id, state),
    remove: (id) => index.remove(s.pool, id),
    cleanup: () => s.cleanup(),
  };
});

describe('the PostgreSQL search index', () => {
  let s: TestSchema;
  afterEach(async () => {
    await s.cleanup();
  });
  const query = (index: PgSearchIndex, tokens: string[]) =>
    index.query({ tokens, sort: 'age', order: 'desc', offset: 0, limit: 10 });

  it('replaces a row when a new draft changes its topics, in the caller transaction', async () => {
    s = await createTestSchema();
    const index = new PgSearchIndex(s.pool, s.schema);
    await index.put(s.pool, paperOf(1), seedDraft(1));
    const edited = seedDraft(1);
    edited.summary.topics = ['Knitting'];
    const client = await s.pool.connect();
    await client.query('BEGIN');
    await index.put(client, paperOf(1), edited);
    expect(await index.facet('topic')).toEqual(expect.arrayContaining(seedDraft(1).summary.topics));
    await client.query('COMMIT');
    client.release();
    expect(await index.facet('topic')).toEqual(['knitting']);
    expect(
      (await index.query({ topic: 'knitting', sort: 'age', order: 'desc', offset: 0, limit: 5 })).total,
    ).toBe(1);
  });

  it('finds a DOI holding quotes and backslashes, and never reads a token as tsquery syntax', async () => {
    s = await createTestSchema();
    const index = new PgSearchIndex(s.pool, s.schema);
    const paper = paperOf(2);
    const odd = "10.1234/a'b\\c:*|!(d)x";
    paper.submission = { kind: 'doi', doi: odd };
    await index.put(s.pool, paper, null);
    expect((await query(index, [odd])).ids).toEqual([paper.id]);
    expect((await query(index, ["10.1234/a'b\\c"])).total).toBe(0);
    expect((await query(index, ['a', '|', '!'])).total).toBe(0);
  });

  it('starts built; after an older version, is built once markBuilt ran, with counts taken from the rows', async () => {
    s = await createTestSchema();
    expect(await new PgSearchIndex(s.pool, s.schema).isBuilt()).toBe(true);
    await s.pool.query(`UPDATE ${s.schema}.paper_index_meta SET value = '0'`);
    const index = new PgSearchIndex(s.pool, s.schema);
    expect(await index.isBuilt()).toBe(false);
    await Promise.all([0, 1, 2, 3].map((i) => index.put(s.pool, paperOf(i), seedDraft(i))));
    await s.pool.query(`DELETE FROM ${s.schema}.paper_index_delta`);
    expect(await index.facet('submitter')).toEqual([]);
    await index.markBuilt();
    expect(await new PgSearchIndex(s.pool, s.schema).isBuilt()).toBe(true);
    await index.setState(s.pool, paperOf(2).id, 'approved');
    expect([await index.count(), await index.count('pending_review'), await index.count('approved')]).toEqual(
      [4, 3, 1],
    );
    // api:dana holds papers 0 and 3; a tie goes to the greater value, as in Redis.
    expect(await index.facet('submitter')).toEqual(['api:dana', 'web:lee', 'watch:pubmed-sleep']);
  });

  it('pages a broad search in order, its total an estimate when the planner expects more than it counts', async () => {
    s = await createTestSchema();
    const index = new PgSearchIndex(s.pool, s.schema, { probe: 3, cap: 4 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => index.put(s.pool, paperOf(i), seedDraft(i))));
    await s.pool.query(`ANALYZE ${s.schema}.paper_index`);
    const odd = Array.from({ length: 15 }, (_, k) => paperOf(29 - 2 * k).id);
    const journal = await index.query({
      tokens: ['journal'],
      sort: 'age',
      order: 'desc',
      offset: 2,
      limit: 5,
    });
    expect(journal.ids).toEqual(odd.slice(2, 7));
    expect(journal).toMatchObject({ approximate: true });
    expect(journal.total).toBeGreaterThan(4);
    const failing = {
      check: 'fail',
      provider: 'openai',
      sort: 'age',
      order: 'desc',
      offset: 0,
      limit: 2,
    } as const;
    expect(await index.query(failing)).toMatchObject({
      approximate: true,
      ids: [paperOf(29).id, paperOf(26).id],
    });
    // One state and one filter value: counted in the counts table, exact at any size.
    expect(await index.query({ ...failing, provider: undefined, state: 'pending_review' })).toMatchObject({
      ...{ total: 10, approximate: false },
    });
  });

  it('lets two transactions index papers with the same topics, provider and submitter without waiting on each other', async () => {
    s = await createTestSchema();
    const index = new PgSearchIndex(s.pool, s.schema);
    const [a, b] = [await s.pool.connect(), await s.pool.connect()];
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await index.put(a, paperOf(3), seedDraft(3));
      // Paper 6 shares paper 3's submitter, provider and a topic: a shared counter row would make this wait for a.
      await index.put(b, paperOf(6), seedDraft(3));
      await index.setState(b, paperOf(6).id, 'approved');
      await b.query('COMMIT');
      expect(await index.count()).toBe(1);
      await a.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    expect([await index.count(), await index.count('approved')]).toEqual([2, 1]);
    expect(await index.facet('submitter')).toEqual(['api:dana']);
  });
});
