/**
 * DOIs and journal feeds through the real pipeline, against a local server
 * replaying recorded Crossref responses and real journal feeds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPollDeps } from '../../src/runtime/sources.ts';
import { pollWatch } from '../../src/watch/poll.ts';
import { runCli } from '../support/cli.ts';
import { createPipeline, fixture, type Pipeline } from '../support/harness.ts';
import { send, startServer, type TestServer } from '../support/http-server.ts';

const WORKS: Record<string, string> = {
  '10.1038/srep16696': 'crossref/works_10.1038_srep16696.json',
  '10.1002/jor.1100150407': 'crossref/works_10.1002_jor.1100150407.json',
};

let server: TestServer;
let p: Pipeline;

beforeEach(async () => {
  server = await startServer((req, res) => {
    const path = decodeURIComponent(req.url.pathname);
    if (path.startsWith('/works/')) {
      const file = WORKS[path.slice('/works/'.length).toLowerCase()];
      return file ? send(res, 200, fixture(file)) : send(res, 404, 'Resource not found.', 'text/plain');
    }
    if (path === '/search')
      return send(res, 200, JSON.stringify({ hitCount: 0, resultList: { result: [] } }));
    if (path === '/feeds/nature.rss')
      return send(res, 200, fixture('feeds/nature_current.rss'), 'application/rss+xml');
    if (path === '/feeds/pubmed.xml')
      return send(res, 200, fixture('feeds/pubmed_search_feed_2021-12-14.xml'), 'application/rss+xml');
    if (path === '/feeds/ijsem.xml')
      return send(res, 200, fixture('feeds/ijsem_microbiology_society_latest.xml'), 'application/rss+xml');
    if (path === '/feeds/moved')
      return send(res, 200, '<!DOCTYPE html><html><body>We moved!</body></html>', 'text/html');
    send(res, 404, 'not found', 'text/plain');
  });
  p = await createPipeline({
    CROSSREF_API_URL: server.url,
    EUROPEPMC_API_URL: server.url,
    // No E-utilities here: PubMed's lookup by DOI answers 404, "not known".
    NCBI_EUTILS_URL: server.url,
    CONTACT_EMAIL: 'desk@example.org',
  });
});

afterEach(async () => {
  await p.cleanup();
  await server.close();
});

describe('DOI submissions', () => {
  it('fetches the Crossref record, with its JATS abstract as text, and drafts it', async () => {
    await p.start();
    const id = await p.submit({ kind: 'doi', doi: 'doi:10.1038/SREP16696' });
    const paper = await p.waitFor(id, ['pending_review']);
    expect(paper.record?.ids.doi).toBe('10.1038/srep16696');
    expect(paper.record?.journal).toBe('Scientific Reports');
    expect(paper.record?.abstract.map((s) => s.text).join(' ')).not.toMatch(/<jats:/);
    const request = server.requests.find((r) => r.url.pathname.startsWith('/works/'));
    expect(request?.url.searchParams.get('mailto')).toBe('desk@example.org');
  });

  it('fails an unknown DOI with what to do, and refuses a malformed one at once', async () => {
    await p.start();
    const id = await p.submit({ kind: 'doi', doi: '10.9999/does-not-exist' });
    const paper = await p.waitFor(id, ['failed']);
    expect(paper.reason).toMatch(
      /DOI 10.9999\/does-not-exist was not found at Crossref, Europe PMC or PubMed/,
    );
    expect(paper.reason).toMatch(/laysum submit --text/);
    await expect(p.submit({ kind: 'doi', doi: 'not a doi' })).rejects.toThrow(/is not a DOI/);
  });
});

describe('feed watches', () => {
  it('queues the items of a real PubMed feed once, and reports known ones on the next poll', async () => {
    const watches = p.ctx.watches;
    const watch = await watches.add({
      kind: 'feed',
      target: `${server.url}/feeds/pubmed.xml`,
      everyMs: 3_600_000,
      createdBy: 'test',
    });
    const deps = createPollDeps(p.ctx);
    const first = await pollWatch(deps, watch);
    expect(first).toMatchObject({ ok: true, found: 15, queued: 15, duplicates: 0 });
    const second = await pollWatch(deps, watch);
    expect(second).toMatchObject({ ok: true, found: 15, queued: 0, duplicates: 15 });
    expect(await p.ctx.store.count()).toBe(15);
  });

  it("drafts feed items whose DOIs the registries do not know from the feed's own abstracts", async () => {
    const watch = await p.ctx.watches.add({
      kind: 'feed',
      target: `${server.url}/feeds/ijsem.xml`,
      everyMs: 3_600_000,
      createdBy: 'test',
    });
    const report = await pollWatch(createPollDeps(p.ctx), watch);
    expect(report).toMatchObject({ ok: true, found: 25, queued: 25 });
    await p.start();
    await p.workers?.untilIdle();
    const drafted = await p.ctx.store.list('pending_review');
    const held = await p.ctx.store.list('needs_source');
    expect(drafted.length + held.length).toBe(25);
    expect(drafted.length).toBe(23); // the items whose feed entry carries an abstract
    for (const paper of drafted) {
      expect(paper.record?.ids.doi).toMatch(/^10\./);
      expect(paper.record?.abstract.length).toBeGreaterThan(0);
    }
    // The two without an abstract in the feed or any registry wait for their text, with the feed's title.
    for (const paper of held) {
      expect(paper.reason).toMatch(
        /has no abstract or text to summarize: none in the feed, Crossref, Europe PMC/,
      );
      expect(paper.record?.title.length).toBeGreaterThan(10);
    }
  });

  it("shows a broken feed's error in `watch list` while other watches keep working", async () => {
    const env = {
      REDIS_URL: p.config.redis.url,
      LAYSUM_PREFIX: p.config.redis.prefix,
      CROSSREF_API_URL: server.url,
      EUROPEPMC_API_URL: server.url,
      FETCH_ALLOW_PRIVATE: '127.0.0.1',
    };
    const add = (url: string) => runCli(['watch', 'add', 'feed', url, '--every', '1h', '--json'], env);
    const broken = JSON.parse((await add(`${server.url}/feeds/moved`)).stdout) as { id: string };
    const good = JSON.parse((await add(`${server.url}/feeds/nature.rss`)).stdout) as { id: string };
    const runBroken = await runCli(['watch', 'run', broken.id], env);
    expect(runBroken.code).not.toBe(0);
    const runGood = await runCli(['watch', 'run', good.id, '--json'], env);
    expect(JSON.parse(runGood.stdout)).toMatchObject({ ok: true });
    const list = await runCli(['watch', 'list'], env);
    expect(list.stdout).toMatch(new RegExp(`${broken.id}[\\s\\S]*ERROR .*is not an RSS or Atom feed`));
    expect(list.stdout).toMatch(new RegExp(`${good.id}[\\s\\S]*found \\d+, \\d+ new`));
    const bad = await runCli(['watch', 'add', 'feed', 'ftp://x', '--every', '1h'], env);
    expect(bad.stderr).toMatch(/not an http\(s\) URL/);
    const often = await runCli(['watch', 'add', 'pubmed', 'asthma', '--every', '5s'], env);
    expect(often.stderr).toMatch(/too often/);

    expect((await runCli(['watch', 'pause', good.id], env)).stdout).toContain(`Paused ${good.id}`);
    expect((await runCli(['watch', 'list'], env)).stdout).toMatch(new RegExp(`${good.id}[\\s\\S]*; paused`));
    expect(await p.ctx.queues.poll.getJobScheduler(`watch-${good.id}`)).toBeFalsy();
    expect((await runCli(['watch', 'resume', good.id], env)).stdout).toContain(`Resumed ${good.id}`);
    expect(await p.ctx.queues.poll.getJobScheduler(`watch-${good.id}`)).toBeTruthy();
  });
});
