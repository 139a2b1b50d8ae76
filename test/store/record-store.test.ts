/**
 * The record store's contract (the Papers, Decisions, AuditLog and PublicSite
 * ports), the same on Redis and on PostgreSQL: each write is all-or-nothing
 * with its audit entry, and racing writers get one winner and a refusal that
 * says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft.ts';
import { identitiesOf } from '../../src/domain/identity.ts';
import type { Publication } from '../../src/domain/publication.ts';
import { TRANSITIONS } from '../../src/domain/transitions.ts';
import { ConflictError } from '../../src/errors/conflict-error.ts';
import { NotApprovedError } from '../../src/errors/not-approved-error.ts';
import { NotFoundError } from '../../src/errors/not-found-error.ts';
import { StateError } from '../../src/errors/state-error.ts';
import { pubmedRecord } from '../publish/support.ts';
import { testPrefix } from '../support/harness.ts';
import { BACKENDS, openRecordStore, type RecordStore } from '../support/record-stores.ts';
import { fractureSummary } from '../support/summaries.ts';

function draft(version: number, author: 'ai' | 'reviewer' = 'ai'): Draft {
  return {
    version,
    summary: fractureSummary,
    provenance: {
      provider: 'openai',
      model: 'test-model',
      promptVersion: 'summarize-v1',
      usage: { promptTokens: 10, completionTokens: 5, cachedTokens: 0, totalTokens: 15 },
      llmCalls: 1,
      repairs: 0,
      createdAt: new Date().toISOString(),
    },
    author,
    basedOn: version > 1 ? version - 1 : null,
    reviewerNotes: null,
    notesForReviewer: [],
    checks: [],
  };
}

const publication = (version: number): Publication => ({
  version,
  slug: 'a-paper',
  firstPublishedAt: new Date().toISOString(),
  publishedAt: new Date().toISOString(),
  publishedBy: 'rita',
  approvedBy: 'rita',
  approvedAt: new Date().toISOString(),
  replaced: null,
  withdrawn: null,
});

describe.each(BACKENDS)('the record store on %s', (backend) => {
  let t: RecordStore;
  beforeAll(async () => {
    t = await openRecordStore(backend);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const text = (identity: string, actor = 'test') =>
    t.store.create({
      submission: { kind: 'text', text: 'T\n\nabstract', title: 'T' },
      origin: { actor },
      identities: [{ kind: 'text', value: identity }],
    });

  /** A paper with one AI draft, waiting for review. */
  async function drafted(identity: string): Promise<string> {
    const { id } = await text(identity);
    await t.store.transition(id, { from: '*', to: 'summarizing', actor: 'test', action: 'ingested' });
    const { from, to, action } = TRANSITIONS.drafted;
    await t.store.addDraft(id, draft(1), { expected: 0, from, to, mode: 'job', actor: 'ai', action });
    return id;
  }

  const edit = (id: string, expected: number) => {
    const { from, to, action } = TRANSITIONS.edit;
    return t.store.addDraft(id, draft(expected + 1, 'reviewer'), {
      expected,
      from,
      to,
      mode: 'edit',
      actor: 'rita',
      action,
    });
  };
  const approve = (id: string, basedOn: number) => {
    const { from, to, action } = TRANSITIONS.approve;
    return t.decisions.decide(id, {
      from,
      to,
      action,
      actor: 'rita',
      basedOn,
      approval: { version: basedOn, by: 'rita', at: new Date().toISOString(), note: null },
    });
  };

  it('creates a paper with its first audit entry, and returns the existing one for a known identity', async () => {
    const first = await text('same-abstract', 'web:ann');
    expect(first.created).toBe(true);
    const paper = await t.store.require(first.id);
    expect(paper).toMatchObject({ state: 'queued', draftCount: 0, record: null, reason: null });
    expect((await t.store.audit(first.id)).map((e) => e.action)).toEqual(['submitted']);
    expect(await text('same-abstract')).toEqual({ created: false, id: first.id });
    expect(await t.store.get('p-none')).toBeNull();
    await expect(t.store.require('p-none')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives concurrent submissions of one paper one id between them', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => text('raced-abstract')));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });

  it('moves a paper only from an allowed state, and refuses an unknown paper', async () => {
    const { id } = await text('moves');
    const { from, to, action } = TRANSITIONS.startIngest;
    expect(await t.store.transition(id, { from, to, action, actor: 'w' })).toBe('queued');
    await expect(t.store.transition(id, { from, to, action, actor: 'w' })).rejects.toBeInstanceOf(StateError);
    await expect(t.store.transition('p-none', { from, to, action, actor: 'w' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const failure = {
      stage: 'ingest',
      reason: 'down',
      at: new Date().toISOString(),
      reply: null,
      usage: null,
      finishReason: null,
    };
    await t.store.transition(id, {
      from: '*',
      to: 'failed',
      actor: 'w',
      action: 'failed',
      reason: 'down',
      failure,
    });
    expect((await t.store.require(id)).failure).toMatchObject({ reason: 'down' });
    await t.store.transition(id, { from: ['failed'], to: 'queued', actor: 'w', action: 'retried' });
    expect(await t.store.require(id)).toMatchObject({ state: 'queued', failure: null, reason: null });
    expect(await t.store.ids('queued')).toContain(id);
    expect(await t.store.ids('failed')).not.toContain(id);
  });

  it('finds a duplicate when the record reveals an identity another paper holds', async () => {
    const record = pubmedRecord('biopython_pubmed5.xml', '28775130');
    const identities = identitiesOf(record.ids);
    const a = await t.store.create({
      submission: { kind: 'pmid', pmid: '28775130' },
      origin: { actor: 'test' },
      identities,
    });
    const b = await text('pasted-same-paper');
    expect(await t.store.setRecord(b.id, await t.store.require(b.id), record, identities)).toBe(a.id);
    expect((await t.store.require(b.id)).record).toBeNull();
    // The holder itself records it; a refused move after it leaves the record written.
    const then = { from: ['ingesting'] as const, to: 'summarizing' as const, actor: 'w', action: 'ingested' };
    await expect(
      t.store.setRecord(a.id, await t.store.require(a.id), record, identities, then),
    ).rejects.toBeInstanceOf(StateError);
    expect((await t.store.require(a.id)).record?.ids.pmid).toBe('28775130');
  });

  it('lets one of two edits from the same version win; the other is told the paper changed', async () => {
    const id = await drafted('two-editors');
    const results = await Promise.allSettled([edit(id, 1), edit(id, 1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    expect((await t.store.drafts(id)).map((d) => d.version)).toEqual([1, 2]);
    expect((await t.store.require(id)).draftCount).toBe(2);
  });

  it('treats a retried summarize job as done, not as a second draft', async () => {
    const id = await drafted('retried-job');
    const { from, to, action } = TRANSITIONS.drafted;
    const again = await t.store.addDraft(id, draft(1), {
      expected: 0,
      from,
      to,
      mode: 'job',
      actor: 'ai',
      action,
    });
    expect(again).toBe(false);
    expect(await t.store.drafts(id)).toHaveLength(1);
    expect((await t.store.latestDraft(id))?.version).toBe(1);
    expect(await t.store.draftVersion(id, 2)).toBeNull();
  });

  it('never keeps an approval of a version that an edit racing it replaced', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await drafted(`approve-vs-edit-${i}`);
      const [approved, edited] = await Promise.allSettled([approve(id, 1), edit(id, 1)]);
      expect(edited.status).toBe('fulfilled');
      if (approved.status === 'rejected') expect(approved.reason).toBeInstanceOf(ConflictError);
      const paper = await t.store.require(id);
      expect(paper).toMatchObject({ draftCount: 2, approval: null, state: 'pending_review' });
    }
  });

  it('publishes exactly the approved latest version, and withdraws only the live publication it read', async () => {
    const id = await drafted('publish-me');
    await approve(id, 1);
    await edit(id, 1);
    await expect(
      t.decisions.publish(id, publication(1), { actor: 'rita', action: 'published' }),
    ).rejects.toBeInstanceOf(StateError);
    await approve(id, 2);
    await expect(
      t.decisions.publish(id, publication(1), { actor: 'rita', action: 'published' }),
    ).rejects.toBeInstanceOf(ConflictError);
    const generation = await t.store.publicSite.generation();
    expect(await t.decisions.publish(id, publication(2), { actor: 'rita', action: 'published' })).toBe(
      'approved',
    );
    expect(await t.store.publicSite.generation()).toBe(generation + 1);
    expect(await t.store.publicSite.ids(0, 100)).toContain(id);
    const live = (await t.store.require(id)).publication;
    expect(live?.version).toBe(2);
    if (!live) return;
    const [since] = await t.store.publicSite.liveSince([id]);
    expect(since).toBeGreaterThan(0);
    const stale = { ...live, publishedAt: '2000-01-01T00:00:00.000Z' };
    const withdrawn = {
      ...live,
      withdrawn: { at: new Date().toISOString(), by: 'rita', reason: 'wrong', shown: true },
    };
    const audit = { actor: 'rita', action: 'unpublished', reason: 'wrong' };
    await expect(t.decisions.withdraw(id, stale, withdrawn, audit)).rejects.toBeInstanceOf(ConflictError);
    expect(await t.decisions.withdraw(id, live, withdrawn, audit)).toBe('published');
    expect(await t.store.publicSite.ids(0, 100)).not.toContain(id);
    expect(await t.store.publicSite.liveSince([id])).toEqual([null]);
    const { generation: now, changes } = await t.store.publicSite.changesAfter('0-0', 100);
    expect(now).toBe(generation + 2);
    expect(changes.filter((c) => c.id === id).map((c) => c.generation)).toEqual([
      generation + 1,
      generation + 2,
    ]);
    expect((await t.store.publicSite.head()).generation).toBe(now);
  });

  it('refuses to publish a version nobody approved', async () => {
    const id = await drafted('not-approved');
    await t.store.transition(id, { from: '*', to: 'approved', actor: 'test', action: 'forced' });
    await expect(
      t.decisions.publish(id, publication(1), { actor: 'rita', action: 'published' }),
    ).rejects.toBeInstanceOf(NotApprovedError);
  });

  it("keeps one audit log in order, paged back by stream id, with today's decisions per person", async () => {
    const id = await drafted('audited');
    await approve(id, 1);
    await t.store.auditLog.append(id, { actor: 'rita', action: 'note', note: 'looked' });
    const newest = await t.store.auditLog.page({ before: null, count: 2 });
    expect(newest.map((r) => r.entry.action)).toEqual(['note', 'approved']);
    for (const row of newest) expect(row.id).toMatch(/^\d+-\d+$/);
    const older = await t.store.auditLog.page({ before: newest[1]?.id ?? null, count: 1 });
    expect(older[0]?.entry.action).toBe('drafted');
    const after = await t.store.auditLog.after(older[0]?.id ?? '0', true, 10);
    expect(after.map((r) => r.entry.action)).toEqual(['approved', 'note']);
    expect((await t.store.audit(id)).map((e) => e.action)).toEqual([
      'submitted',
      'ingested',
      'drafted',
      'approved',
      'note',
    ]);
    const counts = await t.store.auditLog.decisionCounts(new Date());
    if (counts) expect(counts.get('rita')).toBeGreaterThanOrEqual(1);
  });
});

describe('the PostgreSQL record store', () => {
  const sharedPrefix = testPrefix();
  it('brings a new schema up to date once when several processes start together', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openRecordStore('postgres', sharedPrefix)));
    try {
      const created = await Promise.all(
        stores.map((s, i) =>
          s.store.create({
            submission: { kind: 'text', text: 'T\n\nabstract', title: 'T' },
            origin: { actor: 'test' },
            identities: [{ kind: 'text', value: `started-${i}` }],
          }),
        ),
      );
      expect(created.every((c) => c.created)).toBe(true);
      expect(await stores[0]?.store.count()).toBe(3);
    } finally {
      await stores[0]?.cleanup();
      for (const s of stores.slice(1)) await s.close();
    }
  });
});
