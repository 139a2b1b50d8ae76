/**
 * Real sources through the real pipeline: PMIDs fetched from a local server
 * replaying recorded NCBI data, PubMed watches polled on a schedule, and
 * "never twice" across sources.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleWatch } from '../../src/queue/schedules.ts';
import { createPollDeps } from '../../src/runtime/sources.ts';
import { pollWatch } from '../../src/watch/poll.ts';
import { createPipeline, type Pipeline } from '../support/harness.ts';
import { type NcbiServer, startNcbiServer } from '../support/ncbi-server.ts';

let ncbi: NcbiServer;
let p: Pipeline;

beforeEach(async () => {
  ncbi = await startNcbiServer();
  p = await createPipeline({
    NCBI_EUTILS_URL: ncbi.url,
    CONTACT_EMAIL: 'editor@example.org',
    NCBI_API_KEY: 'ncbi-SECRET-key',
  });
});

afterEach(async () => {
  await p.cleanup();
  await ncbi.close();
});

describe('PMID submissions', () => {
  it('fetches the record from E-utilities and drafts it', async () => {
    await p.start();
    const id = await p.submit({ kind: 'pmid', pmid: 'PMID: 30158200' });
    const paper = await p.waitFor(id, ['pending_review']);
    expect(paper.record).toMatchObject({
      journal: 'BMJ (Clinical research ed.)',
      ids: { pmid: '30158200', doi: '10.1136/bmj.k3225' },
    });
    expect(paper.record?.abstract.map((s) => s.label)).toContain('CONCLUSIONS');
    const efetch = ncbi.requests.find((r) => r.url.pathname.endsWith('/efetch.fcgi'));
    expect(efetch?.url.searchParams.get('tool')).toBe('laysum');
    expect(efetch?.url.searchParams.get('email')).toBe('editor@example.org');
  });

  it('sends several PMIDs in one efetch request', async () => {
    const ids = [];
    for (const pmid of ['30158200', '24792780', '27797938']) ids.push(await p.submit({ kind: 'pmid', pmid }));
    await p.start();
    for (const id of ids) await p.waitFor(id, ['pending_review']);
    const efetches = ncbi.requests.filter((r) => r.url.pathname.endsWith('/efetch.fcgi'));
    expect(efetches.length).toBeLessThan(3);
    expect(efetches.some((r) => (r.url.searchParams.get('id') ?? '').split(',').length > 1)).toBe(true);
  });

  it('recognizes the same paper submitted later by its DOI', async () => {
    await p.start();
    const id = await p.submit({ kind: 'pmid', pmid: '30158200' });
    await p.waitFor(id, ['pending_review']);
    expect(await p.submit({ kind: 'doi', doi: 'https://doi.org/10.1136/BMJ.K3225' })).toBe(id);
    expect(await p.ctx.store.count()).toBe(1);
  });

  it('holds a PMID with no abstract as needs_source with what to do, without inventing a summary', async () => {
    await p.start();
    const id = await p.submit({ kind: 'pmid', pmid: '12091962' });
    const paper = await p.waitFor(id, ['needs_source']);
    expect(paper.reason).toMatch(/PubMed record 12091962 has no abstract or text to summarize/);
    expect(paper.reason).toMatch(/laysum source \w+ --text FILE/);
    expect(await p.ctx.store.drafts(id)).toHaveLength(0);
  });

  it('fails an unknown PMID clearly, and survives NCBI 429/500 answers', async () => {
    ncbi.failures = [429, 500];
    await p.start();
    const known = await p.submit({ kind: 'pmid', pmid: '24792780' });
    const unknown = await p.submit({ kind: 'pmid', pmid: '99999999' });
    await p.waitFor(known, ['pending_review']);
    const failed = await p.waitFor(unknown, ['failed']);
    expect(failed.reason).toMatch(/99999999/);
    expect(failed.reason).not.toContain('ncbi-SECRET-key');
  });
});

describe('PubMed watches', () => {
  it('queues new papers once, skips records without abstracts, and records each poll', async () => {
    ncbi.searchResult = ['30158200', '24792780', '12091962'];
    const watches = p.ctx.watches;
    const watch = await watches.add({
      kind: 'pubmed',
      target: 'fracture[tiab] OR sedation[tiab]',
      everyMs: 3_600_000,
      createdBy: 'test',
    });
    const deps = createPollDeps(p.ctx);
    const first = await pollWatch(deps, watch);
    expect(first).toMatchObject({ ok: true, found: 3, queued: 2, duplicates: 0, skipped: 1 });
    const esearch = ncbi.requests.find((r) => r.url.pathname.endsWith('/esearch.fcgi'));
    expect(esearch?.url.searchParams.get('term')).toBe('fracture[tiab] OR sedation[tiab]');
    expect(esearch?.url.searchParams.get('mindate')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);

    const second = await pollWatch(deps, (await watches.get(watch.id)) ?? watch);
    expect(second).toMatchObject({ ok: true, queued: 0, duplicates: 2 });
    expect(await p.ctx.store.count()).toBe(2);
    expect((await watches.get(watch.id))?.lastPoll).toMatchObject({ queued: 0, duplicates: 2 });
    expect(await watches.polls(watch.id)).toHaveLength(2);

    await p.start();
    for (const id of first.ids) await p.waitFor(id, ['pending_review']);
  });

  it('records a failing source on the watch and keeps polling others', async () => {
    ncbi.failures = [500, 500, 500, 500, 500, 500];
    const watches = p.ctx.watches;
    const broken = await watches.add({
      kind: 'pubmed',
      target: 'anything',
      everyMs: 3_600_000,
      createdBy: 'test',
    });
    const report = await pollWatch(createPollDeps(p.ctx), broken);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/NCBI E-utilities is unavailable: HTTP 500/);
    expect((await watches.get(broken.id))?.lastPoll?.error).toMatch(/HTTP 500/);
  });

  it('polls on its schedule through the poll worker', async () => {
    ncbi.searchResult = ['30158200'];
    const watch = await p.ctx.watches.add({
      kind: 'pubmed',
      target: 'fracture',
      everyMs: 600,
      createdBy: 'test',
    });
    await scheduleWatch(p.ctx.queues, watch);
    await p.start({ stages: ['poll', 'ingest', 'summarize'] });
    const until = Date.now() + 15_000;
    while (!(await p.ctx.watches.get(watch.id))?.lastPoll && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    expect((await p.ctx.watches.get(watch.id))?.lastPoll).toMatchObject({ ok: true, found: 1 });
  });
});
