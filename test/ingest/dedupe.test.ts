/**
 * One paper, however it arrives: a pasted abstract and the PubMed record of
 * the same paper (real records replayed by a local E-utilities server) are
 * recognized as one paper in either order, the merge is in the audit log,
 * and nothing already reviewed is lost (the demo's samples then a batch by
 * PMID made six duplicates, one beside a published summary).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approve } from '../../src/review/decisions.ts';
import { reviewDeps } from '../../src/review/deps.ts';
import { editDraft } from '../../src/review/edit.ts';
import { publish } from '../../src/review/publishing.ts';
import { createPipeline, type Pipeline } from '../support/harness.ts';
import { type NcbiServer, startNcbiServer } from '../support/ncbi-server.ts';

const sample = (pmid: string) =>
  readFileSync(new URL(`../../samples/abstracts/pmid-${pmid}.txt`, import.meta.url), 'utf8');

let ncbi: NcbiServer;
let p: Pipeline;

beforeEach(async () => {
  ncbi = await startNcbiServer();
  p = await createPipeline({ NCBI_EUTILS_URL: ncbi.url });
  await p.start();
});
afterEach(async () => {
  await p.cleanup();
  await ncbi.close();
});

async function publishDraft(id: string): Promise<void> {
  const deps = reviewDeps(p.ctx);
  const fill = {
    audience: 'People with a family history of pancreatic cancer and the doctors who look after them.',
    ratings: {
      credibility: { score: 3, rationale: 'A large genetic study: it shows links, not proof of cause.' },
      interest: { score: 3, rationale: 'Of interest to people following cancer risk research.' },
    },
  };
  const draft = await editDraft(deps, id, 'dana', 1, fill);
  await approve(deps, id, 'dana', { basedOn: draft.version });
  await publish(deps, id, 'dana', { basedOn: draft.version });
}

describe('the same paper from different sources', () => {
  it('recognizes a PMID submitted after the pasted abstract, keeps the published summary, and learns the PMID', async () => {
    const text = await p.submit({ kind: 'text', text: sample('27797938') });
    await p.waitFor(text, ['pending_review']);
    await publishDraft(text);

    const byPmid = await p.submit({ kind: 'pmid', pmid: '27797938' });
    await p.workers?.untilIdle();
    expect(await p.ctx.store.count()).toBe(1);
    expect(await p.ctx.store.mergedInto(byPmid)).toBe(text);
    const kept = await p.ctx.store.require(text);
    expect(kept.state).toBe('published');
    expect(kept.record?.ids.pmid).toBe('27797938'); // learned from the merged record
    expect(await p.ctx.store.drafts(text)).toHaveLength(2);
    const merged = (await p.ctx.store.audit(text)).find((a) => a.action === 'merged');
    expect(merged?.note).toMatch(
      new RegExp(`pmid submission ${byPmid} \\(.*PMID 27797938\\) is the same paper`),
    );
    // The next submission by PMID is recognized at once.
    expect(await p.submit({ kind: 'pmid', pmid: '27797938' })).toBe(text);
  });

  it('recognizes a pasted abstract submitted after the PMID record, before anything is queued', async () => {
    const byPmid = await p.submit({ kind: 'pmid', pmid: '30158200' });
    await p.waitFor(byPmid, ['pending_review']);
    const again = await p.submit({ kind: 'text', text: sample('30158200') });
    expect(again).toBe(byPmid);
    expect(await p.ctx.store.count()).toBe(1);
    expect(await p.ctx.store.drafts(byPmid)).toHaveLength(1);
  });

  it('recognizes the demo samples when the same papers come later as a batch of PMIDs', async () => {
    const texts = [];
    for (const pmid of ['30158200', '27797938'])
      texts.push(await p.submit({ kind: 'text', text: sample(pmid) }));
    for (const id of texts) await p.waitFor(id, ['pending_review']);
    for (const pmid of ['30158200', '27797938']) await p.submit({ kind: 'pmid', pmid });
    await p.workers?.untilIdle();
    expect(await p.ctx.store.count()).toBe(2);
    expect((await p.ctx.store.list()).map((x) => x.id).sort()).toEqual([...texts].sort());
  });
});
