/**
 * One failure path for the sources: a rate-limited source does not hold a
 * worker slot (the ingest job waits out Retry-After as a delayed job, and
 * `laysum status` says until when), and what retrying cannot fix fails the
 * paper at once, after one request, with a failure record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { jobStatus } from '../../src/queue/job-status.ts';
import { runCli } from '../support/cli.ts';
import { createPipeline, type Pipeline, REDIS_URL } from '../support/harness.ts';
import { send, startServer, type TestServer } from '../support/http-server.ts';

let source: TestServer;
let p: Pipeline;

afterEach(async () => {
  await p.cleanup();
  await source.close();
});

async function pipelineWith(handler: Parameters<typeof startServer>[0], env = {}): Promise<void> {
  source = await startServer(handler);
  p = await createPipeline({
    ...env,
    NCBI_EUTILS_URL: source.url,
    CROSSREF_API_URL: `${source.url}/crossref`,
    EUROPEPMC_API_URL: `${source.url}/europepmc`,
  });
  await p.start({ stages: ['ingest'] });
}

describe('a source that asks to wait', () => {
  it('delays the ingest job for the Retry-After instead of holding the worker', async () => {
    await pipelineWith((_req, res) =>
      send(res, 429, '{"error":"API rate limit exceeded"}', 'application/json', { 'retry-after': '3600' }),
    );
    const id = await p.submit({ kind: 'pmid', pmid: '30158200' });
    const until = Date.now() + 10_000;
    let status = await jobStatus(p.ctx.queues, await p.ctx.store.require(id), p.config.workers.jobLockMs);
    while (status?.jobState !== 'delayed' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      status = await jobStatus(p.ctx.queues, await p.ctx.store.require(id), p.config.workers.jobLockMs);
    }
    expect(status).toMatchObject({ stage: 'ingest', jobState: 'delayed', attemptsMade: 1 });
    expect(Date.parse(status?.nextAttemptAt ?? '') - Date.now()).toBeGreaterThan(3_500_000);
    expect(source.requests).toHaveLength(1); // no sleeping inside the request, no second try
    expect(await p.ctx.queues.ingest.getActiveCount()).toBe(0);

    const env = { REDIS_URL, LAYSUM_PREFIX: p.config.redis.prefix, LLM_PROVIDER: 'extractive' };
    const shown = await runCli(['status', id], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /ingest job delayed, attempt 2 of \d+, next try at \d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    expect(shown.stdout).toMatch(/last error: NCBI E-utilities is unavailable: HTTP 429 \(rate limited\)/);
  });
});

describe('a source that stays down', () => {
  it('is retried by the queue HTTP_ATTEMPTS times, then the paper fails with the reason', async () => {
    await pipelineWith((_req, res) => send(res, 503, 'down for maintenance', 'text/plain'), {
      HTTP_ATTEMPTS: '2',
    });
    const id = await p.submit({ kind: 'pmid', pmid: '30158200' });
    const paper = await p.waitFor(id, ['failed']);
    expect(source.requests).toHaveLength(4); // 2 attempts, each one request and one quick retry
    expect(paper.reason).toMatch(
      /ingest gave up after 2 attempt\(s\): NCBI E-utilities is unavailable: HTTP 503/,
    );
    expect(paper.reason).toContain(`laysum retry ${id}`);
    expect(paper.reason).not.toMatch(/LaySum tries again|will retry/i);
  });
});

describe('what retrying cannot fix', () => {
  it('fails a DOI a registry refuses (HTTP 400) at once, after one request', async () => {
    await pipelineWith((_req, res) => send(res, 400, 'Bad DOI', 'text/plain'));
    const id = await p.submit({ kind: 'doi', doi: '10.1136/bmj.k3225' });
    const paper = await p.waitFor(id, ['failed']);
    expect(source.requests.map((r) => r.url.pathname)).toEqual(['/crossref/works/10.1136%2Fbmj.k3225']);
    expect(paper.reason).toMatch(/Crossref refused the request: HTTP 400/);
    expect(paper.failure).toMatchObject({ stage: 'ingest', reason: paper.reason, reply: null, usage: null });
  });

  it('fails a PMID PubMed does not have at once, after one request', async () => {
    await pipelineWith((_req, res) =>
      send(res, 200, '<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>', 'text/xml'),
    );
    const id = await p.submit({ kind: 'pmid', pmid: '99999999' });
    const paper = await p.waitFor(id, ['failed']);
    expect(source.requests).toHaveLength(1);
    expect(paper.reason).toMatch(/PMID 99999999/);
    expect(paper.failure?.stage).toBe('ingest');
    // A retry clears the record with the failure.
    await p.ctx.store.transition(id, { from: ['failed'], to: 'queued', actor: 'test', action: 'retried' });
    expect((await p.ctx.store.require(id)).failure).toBeNull();
  });
});
