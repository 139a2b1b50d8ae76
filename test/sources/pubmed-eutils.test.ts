/**
 * The PubMed E-utilities client (EFetch, ESearch) against a real local HTTP
 * server: request shape, batching, rate limiting and retries, and errors that
 * never leak the api_key. EFetch bodies are real XML from test/fixtures/pubmed;
 * parsing itself is covered by pubmed-parse.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { TransientError } from '../../src/errors/transient-error.ts';
import type { RateLimiter } from '../../src/net/rate-limit.ts';
import { createEutilsClient } from '../../src/sources/pubmed/index.ts';
import { type Handler, send, startServer, type TestServer } from '../support/http-server.ts';
import { xmlFixture } from './support-pubmed.ts';

describe('E-utilities client against a local server', () => {
  const KEY = 'SECRET-KEY-123';
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  function counting(): RateLimiter & { calls: number } {
    const limiter = { calls: 0, acquire: async () => void limiter.calls++ };
    return limiter;
  }
  async function client(handler: Handler, retryDelayMs = 1) {
    server = await startServer(handler);
    const limiter = counting();
    const eutils = createEutilsClient({
      baseUrl: `${server.url}/entrez/eutils/`,
      apiKey: KEY,
      email: 'ops@example.org',
      tool: 'laysum',
      http: { timeoutMs: 2000, retryDelayMs },
      limiter,
    });
    return { eutils, limiter, requests: server.requests };
  }
  const secretFree = (err: unknown) => {
    expect(err).toBeInstanceOf(Error);
    const { message, hint } = err as Error & { hint?: string };
    expect(`${message} ${hint ?? ''}`).not.toContain(KEY);
  };

  it('efetch sends one request with the ids, tool, email and api_key and parses the XML', async () => {
    const body = xmlFixture('ncbiutils_pubmed.xml');
    const { eutils, limiter, requests } = await client((_req, res) => send(res, 200, body, 'text/xml'));
    const ids = ['35196497', '33278872', '24792780', '30158200', '151222', '99999999'];
    const { records } = await eutils.efetch(ids);
    expect(requests).toHaveLength(1);
    const url = requests[0]?.url;
    expect(url?.pathname).toBe('/entrez/eutils/efetch.fcgi');
    const email = 'email=ops%40example.org';
    expect(url?.search).toBe(
      `?db=pubmed&retmode=xml&id=${ids.join('%2C')}&tool=laysum&${email}&api_key=${KEY}`,
    );
    expect(limiter.calls).toBe(1);
    expect(records.find((r) => r.pmid === '30158200')?.record?.ids.doi).toBe('10.1136/bmj.k3225');
    expect(records.at(-1)).toMatchObject({
      pmid: '99999999',
      record: null,
      problem: expect.stringMatching(/no record for PMID 99999999/),
    });
  });

  it('efetch splits more than 200 ids into batches', async () => {
    const empty = '<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>';
    const { eutils, requests } = await client((_req, res) => send(res, 200, empty, 'text/xml'));
    const ids = Array.from({ length: 201 }, (_, i) => String(1000 + i));
    const { records } = await eutils.efetch(ids);
    expect(requests.map((r) => r.url.searchParams.get('id')?.split(',').length)).toEqual([200, 1]);
    expect(records).toHaveLength(201);
  });

  it('retries once after a short Retry-After, acquiring the limiter before every attempt', async () => {
    const body = xmlFixture('biopython_pubmed4.xml');
    let calls = 0;
    // A 10 s wait would time the test out: passing proves Retry-After: 0 was used instead.
    const { eutils, limiter } = await client((_req, res) => {
      if (calls++ === 0)
        send(res, 429, `{"error":"API rate limit exceeded","api-key":"${KEY}"}`, 'application/json', {
          'retry-after': '0',
        });
      else send(res, 200, body, 'text/xml');
    }, 10_000);
    const { records } = await eutils.efetch(['27797938']);
    expect(records[0]?.record?.title).toContain('TERT gene region');
    expect(limiter.calls).toBe(2);
  });

  it('a 500 forever gives a TransientError without the api_key, after one quick retry', async () => {
    const { eutils, limiter } = await client((_req, res) => send(res, 500, 'oops', 'text/plain'));
    const err = await eutils.efetch(['27797938']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as Error).message).toMatch(/NCBI E-utilities is unavailable: HTTP 500 after 2 request/);
    secretFree(err);
    expect(limiter.calls).toBe(2);
  });

  it('a long Retry-After is left to the queue: one request, and the advice on the error', async () => {
    const { eutils, limiter } = await client((_req, res) =>
      send(res, 429, `{"error":"API rate limit exceeded","api-key":"${KEY}"}`, 'application/json', {
        'retry-after': '3600',
      }),
    );
    const started = Date.now();
    const err = await eutils.efetch(['27797938']).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000); // no wait of an hour, nor of a second
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).retryAfterMs).toBe(3_600_000);
    secretFree(err);
    expect(limiter.calls).toBe(1);
  });

  it('a 400 that echoes the api_key gives a PermanentError without it, after one request', async () => {
    const { eutils } = await client((_req, res) =>
      send(res, 400, `{"error":"API key invalid","api-key":"${KEY}"}`),
    );
    const err = await eutils.efetch(['27797938']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    secretFree(err);
    expect(server?.requests).toHaveLength(1);
  });

  it("a non-XML efetch body (NCBI's JSON rate-limit answer) gives a TransientError that says so", async () => {
    const { eutils } = await client((_req, res) =>
      send(res, 200, `{"error":"API rate limit exceeded","api-key":"${KEY}"}`, 'application/json'),
    );
    const err = await eutils.efetch(['27797938']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as Error).message).toMatch(/EFetch did not return XML for PMIDs 27797938/);
    secretFree(err);
    await expect(eutils.efetch(['12a'])).rejects.toThrow(/Not PubMed ids: "12a"/);
  });

  it('esearch sends the query and date range and validates the JSON', async () => {
    // Shaped like a real ESearch answer (retmode=json), trimmed.
    const body =
      '{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"count":"2","retmax":"2","retstart":"0",' +
      '"idlist":["30158200","27797938"],"translationset":[],"querytranslation":"\\"fractures, bone\\"[MeSH Terms]"}}';
    const { eutils, requests } = await client((_req, res) => send(res, 200, body));
    const result = await eutils.esearch('fracture[mh]', {
      mindate: '2018/01/01',
      datetype: 'pdat',
      retmax: 50,
    });
    expect(result).toEqual({ count: 2, pmids: ['30158200', '27797938'] });
    expect(requests[0]?.url.pathname).toBe('/entrez/eutils/esearch.fcgi');
    expect(requests[0]?.url.search).toBe(
      `?db=pubmed&term=fracture%5Bmh%5D&retmode=json&retmax=50&datetype=pdat&mindate=2018%2F01%2F01&maxdate=3000` +
        `&tool=laysum&email=ops%40example.org&api_key=${KEY}`,
    );
  });

  it('esearch turns an ESearch ERROR or a malformed answer into a PermanentError, a non-JSON page into a TransientError', async () => {
    const bodies = [
      JSON.stringify({
        header: { type: 'esearch', version: '0.3' },
        esearchresult: { ERROR: 'Invalid query' },
      }),
      JSON.stringify({ esearchresult: { count: 'many', idlist: [] } }),
      '<html>Bad gateway</html>',
    ];
    let i = 0;
    const { eutils } = await client((_req, res) => send(res, 200, bodies[i++] ?? ''));
    const error = await eutils.esearch('((').catch((e: unknown) => e);
    const malformed = await eutils.esearch('x').catch((e: unknown) => e);
    const html = await eutils.esearch('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toMatch(/could not run the search "\(\(": Invalid query/);
    expect(malformed).toBeInstanceOf(PermanentError);
    expect((malformed as Error).message).toMatch(/unexpected answer/);
    expect(html).toBeInstanceOf(TransientError);
    expect((html as Error).message).toMatch(/did not return JSON/);
    await expect(eutils.esearch('  ')).rejects.toBeInstanceOf(PermanentError);
  });
});
