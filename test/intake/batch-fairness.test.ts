/**
 * Batches and other people's papers: a batch is capped (MAX_BATCH_ITEMS,
 * refused whole with the number), and its entries queue behind a single
 * submission, so one editor's large batch never delays another editor's
 * paper by more than a few jobs. Real workers on the real Redis, PubMed
 * records replayed by the local E-utilities server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitBatchText } from '../../src/intake/batch.ts';
import { submitPaper } from '../../src/intake/submit.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';
import { type NcbiServer, startNcbiServer } from '../support/ncbi-server.ts';

let ncbi: NcbiServer;
let p: Pipeline;

beforeEach(async () => {
  ncbi = await startNcbiServer();
  p = await createPipeline({
    NCBI_EUTILS_URL: ncbi.url,
    INGEST_CONCURRENCY: '1',
    SUMMARIZE_CONCURRENCY: '1',
    MAX_BATCH_ITEMS: '100',
  });
});

afterEach(async () => {
  await p.cleanup();
  await ncbi.close();
});

/** PMIDs the replayed PubMed has (ncbiutils, biopython 1 and 4), then ones it does not know. */
const KNOWN = ['18044760', '19302371', '24792780', '25086665', '35196497', '27797938', '9997'];
const batchOf = (n: number) =>
  [...KNOWN, ...Array.from({ length: n - KNOWN.length }, (_, i) => String(90_000_001 + i))].join('\n');

describe('a large batch and another editor', () => {
  it("drafts a second submitter's paper while most of the batch is still queued", async () => {
    const tally = await submitBatchText(p.ctx, batchOf(80), 'alice-big.txt', { actor: 'web:alice' });
    // Bob submits after Alice's whole batch is queued, before any worker runs.
    expect(tally.queued).toHaveLength(80);
    const bob = await submitPaper(p.ctx, { kind: 'text', text: fractureText() }, { actor: 'web:bob' });
    await p.start();
    const drafted = await p.waitFor(bob.id, ['pending_review'], 60_000);
    expect(drafted.origin.actor).toBe('web:bob');
    // Counted from the audit log, not from a moment in time (the batch keeps moving meanwhile, faster or
    // slower with the machine's load): at each stage, at most the one Alice job already running when Bob's
    // job was queued went before it.
    const firstAt = async (id: string, action: string) =>
      (await p.ctx.store.audit(id)).find((e) => e.action === action)?.at ?? null;
    const [bobStarted, bobDrafted] = [
      await firstAt(bob.id, 'ingest started'),
      await firstAt(bob.id, 'drafted'),
    ];
    if (!bobStarted || !bobDrafted) throw new Error("Bob's paper has no ingest or draft entry");
    let ingestedFirst = 0;
    let draftedFirst = 0;
    for (const { id } of tally.queued) {
      const started = await firstAt(id, 'ingest started');
      const draftedAt = await firstAt(id, 'drafted');
      if (started && started < bobStarted) ingestedFirst++;
      if (draftedAt && draftedAt < bobDrafted) draftedFirst++;
    }
    expect(ingestedFirst).toBeLessThanOrEqual(1);
    expect(draftedFirst).toBeLessThanOrEqual(1);
  });

  it('refuses a batch over MAX_BATCH_ITEMS whole, naming the setting, and queues nothing', async () => {
    await expect(submitBatchText(p.ctx, batchOf(101), 'too-big.txt', { actor: 'web:alice' })).rejects.toThrow(
      /too-big\.txt has 101 entries, over the limit of 100 a batch \(MAX_BATCH_ITEMS\)/,
    );
    expect(await p.ctx.store.count()).toBe(0);
  });
});
