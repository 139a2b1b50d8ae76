/**
 * Journal feeds whose items carry no abstract (Taylor & Francis: citation
 * lines only) or carry it in another field (Wiley): each item is looked up
 * by DOI (Crossref, Europe PMC, PubMed) before anything is drafted; an item
 * with no abstract anywhere is held as needs_source, with the reason, at no
 * LLM call, until an editor pastes the text. Real feeds and PubMed records
 * replayed on local servers; the LLM is the scripted Chat Completions server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideSource } from '../../src/intake/source.ts';
import { submitPaper } from '../../src/intake/submit.ts';
import { createPollDeps } from '../../src/runtime/sources.ts';
import { parseFeed } from '../../src/sources/feeds/parse.ts';
import { pollWatch } from '../../src/watch/poll.ts';
import { type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { createPipeline, fixture, fractureText, type Pipeline } from '../support/harness.ts';
import { send, startServer, type TestServer } from '../support/http-server.ts';
import { type NcbiServer, startNcbiServer } from '../support/ncbi-server.ts';
import { fractureSummary } from '../support/summaries.ts';

let registries: TestServer;
let ncbi: NcbiServer;
let llm: FakeOpenAi;
let p: Pipeline;

beforeEach(async () => {
  // Crossref and Europe PMC know none of these DOIs; feeds are served as recorded.
  registries = await startServer((req, res) => {
    const path = req.url.pathname;
    if (path.startsWith('/works/')) return send(res, 404, 'Resource not found.', 'text/plain');
    if (path === '/search')
      return send(res, 200, JSON.stringify({ hitCount: 0, resultList: { result: [] } }));
    if (path === '/feeds/tandf.xml')
      return send(
        res,
        200,
        fixture('feeds/tandfonline_neotrop_fauna_citation_only.xml'),
        'application/rss+xml',
      );
    if (path === '/feeds/wiley.xml')
      return send(res, 200, fixture('feeds/wiley_taxon_atypon_rss2.xml'), 'application/rss+xml');
    send(res, 404, 'not found', 'text/plain');
  });
  ncbi = await startNcbiServer(['biopython_pubmed2.xml']);
  llm = await startFakeOpenAi([reply(fractureSummary)]);
  p = await createPipeline({
    CROSSREF_API_URL: registries.url,
    EUROPEPMC_API_URL: registries.url,
    NCBI_EUTILS_URL: ncbi.url,
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    LLM_TIMEOUT_MS: '3000',
    READING_TARGET_GRADE: '16',
    WATCH_MAX_NEW_PER_POLL: '3',
  });
});

afterEach(async () => {
  await p.cleanup();
  await Promise.all([registries.close(), ncbi.close(), llm.close()]);
});

async function poll(feed: string) {
  const watch = await p.ctx.watches.add({
    kind: 'feed',
    target: `${registries.url}/feeds/${feed}`,
    everyMs: 3_600_000,
    createdBy: 'test',
  });
  return pollWatch(createPollDeps(p.ctx), watch);
}

describe('a feed of citation lines only (Taylor & Francis)', () => {
  it('looks every item up by DOI; with no abstract anywhere holds it as needs_source, no LLM call', async () => {
    expect(await poll('tandf.xml')).toMatchObject({ ok: true, queued: 3 });
    await p.start();
    await p.workers?.untilIdle();
    const held = await p.ctx.store.list('needs_source');
    expect(held).toHaveLength(3);
    expect(await p.ctx.store.count('pending_review')).toBe(0);
    expect(llm.chatRequests()).toHaveLength(0);
    for (const paper of held) {
      expect(paper.record?.abstract).toEqual([]); // never the citation line
      expect(paper.reason).toMatch(
        /has no abstract or text to summarize: none in the feed, Crossref, Europe PMC and PubMed \(DOI 10\.1080\//,
      );
      expect(paper.reason).toContain(`laysum source ${paper.id} --text FILE`);
      const doi = paper.record?.ids.doi ?? '';
      expect(registries.requests.some((r) => decodeURIComponent(r.url.pathname) === `/works/${doi}`)).toBe(
        true,
      );
      expect(ncbi.requests.some((r) => r.url.searchParams.get('term') === `"${doi}"[doi]`)).toBe(true);
      const audit = await p.ctx.store.audit(paper.id);
      expect(audit.at(-1)).toMatchObject({ action: 'needs source', actor: 'ingest', to: 'needs_source' });
    }
  });

  it('drafts the item PubMed has an abstract for, found by its DOI', async () => {
    // STAGED pairing: no recording links a T&F DOI to a PubMed record, so PubMed's search for
    // the feed's first DOI answers with a real record of another paper (PMID 11748933); it tests
    // the lookup path, not the data.
    ncbi.searchFor = (term) => (term.includes('10.1080/01650521.2020.1783478') ? ['11748933'] : []);
    expect(await poll('tandf.xml')).toMatchObject({ queued: 3 });
    await p.start();
    await p.workers?.untilIdle();
    const drafted = await p.ctx.store.list('pending_review');
    expect(drafted).toHaveLength(1);
    expect(drafted[0]?.record?.abstract[0]?.text).toMatch(/^This study subdivides the cryopreservation/);
    expect(await p.ctx.store.count('needs_source')).toBe(2);
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('an editor pastes the abstract: the held paper is drafted from it, at one LLM call', async () => {
    await poll('tandf.xml');
    await p.start();
    await p.workers?.untilIdle();
    const [held] = await p.ctx.store.list('needs_source');
    if (!held) throw new Error('nothing held');
    const { state } = await provideSource(p.ctx, held.id, { kind: 'text', text: fractureText() }, 'web:dana');
    expect(state).toBe('summarizing');
    const paper = await p.waitFor(held.id, ['pending_review']);
    expect(paper.record?.title).toBe(held.record?.title); // the feed's metadata kept
    expect(paper.record?.ids.doi).toBe(held.record?.ids.doi);
    expect(paper.record?.abstract.map((s) => s.label)).toContain('RESULTS');
    expect(llm.chatRequests()).toHaveLength(1);
    expect((await p.ctx.store.audit(held.id)).map((a) => a.action)).toContain('source provided');
    await expect(
      provideSource(p.ctx, held.id, { kind: 'text', text: fractureText() }, 'web:dana'),
    ).rejects.toThrow(/Cannot supply the text of paper .*: it is pending_review/);
  });
});

describe('a Wiley feed (citation line in description, abstract in dc:description)', () => {
  it('drafts each item from its abstract, never from the citation line', async () => {
    expect(await poll('wiley.xml')).toMatchObject({ ok: true, queued: 2 });
    await p.start();
    await p.workers?.untilIdle();
    const drafted = await p.ctx.store.list('pending_review');
    expect(drafted).toHaveLength(2);
    const texts = drafted.map((d) => d.record?.abstract.map((s) => s.text).join(' ') ?? '');
    expect(texts.some((t) => t.startsWith('Leptospermum is an ecologically'))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(/TAXON|EarlyView|Volume 70/);
    const prompts = llm.chatRequests().map((r) => r.messages[1]?.content ?? '');
    for (const prompt of prompts) expect(prompt).not.toMatch(/TAXON, (?:EarlyView|Volume)/);
  });
});

describe('the same paper, however it is pasted or fed', () => {
  it('an abstract pasted with "Objectives:" labels, "OBJECTIVES:" labels or none is one paper', async () => {
    const upper = fractureText(); // the real structured abstract: OBJECTIVES:, DESIGN:, ... RESULTS:
    const labels = /^(OBJECTIVES|DESIGN|SETTING|PARTICIPANTS|RESULTS|CONCLUSIONS):/gm;
    expect(upper.match(labels)).toHaveLength(6);
    const titled = upper.replace(labels, (_, l: string) => `${l[0]}${l.slice(1).toLowerCase()}:`);
    const bare = upper.replace(labels, '').replace(/\n\n +/g, '\n\n');
    const first = await submitPaper(p.ctx, { kind: 'text', text: titled }, { actor: 'web:dana' });
    expect(first.created).toBe(true);
    for (const text of [upper, bare]) {
      const again = await submitPaper(p.ctx, { kind: 'text', text }, { actor: 'web:erin' });
      expect(again).toMatchObject({ id: first.id, created: false });
    }
  });

  it('a feed item and the same abstract pasted later are one paper', async () => {
    await poll('wiley.xml');
    const feed = parseFeed(fixture('feeds/wiley_taxon_atypon_rss2.xml'), 'https://example.org/wiley');
    const item = feed.items[0];
    if (!item?.summary) throw new Error('no item');
    // As copied from the article page: the title, a blank line, "Abstract" and the text.
    const pasted = `${item.title}\n\nAbstract\n\n${item.summary}`;
    const again = await submitPaper(p.ctx, { kind: 'text', text: pasted }, { actor: 'web:dana' });
    expect(again.created).toBe(false);
    expect(await p.ctx.store.count()).toBe(2); // the feed's two items, no third
  });
});
