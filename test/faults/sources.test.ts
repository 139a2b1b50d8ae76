/**
 * Sources that misbehave, with real `laysum` processes: NCBI answering 200
 * with a JSON error body, an HTML page or cut-off XML (transient: retried,
 * every paper drafted), an EFetch error for one PMID of a coalesced batch
 * (only that paper fails), and feeds too big, with an oversized item, or
 * with more new items than one poll may queue.
 */
import { afterAll, expect, it } from 'vitest';
import { submitPaper } from '../../src/intake/submit.ts';
import { runCli } from '../support/cli.ts';
import { send, startServer } from '../support/http-server.ts';
import { startNcbiServer } from '../support/ncbi-server.ts';
import { type Figures, faultRig, figures, printFigures, settled, waitFor } from './support.ts';

const ncbi = await startNcbiServer();
/** What the proxy answers the next EFetch requests with instead of NCBI's records. */
const bad: string[] = [];
const BAD_PMID = '99999998';
const proxy = await startServer(async (req, res) => {
  const ids = req.url.searchParams.get('id') ?? '';
  if (req.url.pathname.endsWith('/efetch.fcgi')) {
    const next = bad.shift();
    if (next) return send(res, 200, next, next.startsWith('{') ? 'application/json' : 'text/html');
    if (ids.split(',').includes(BAD_PMID))
      return send(
        res,
        200,
        `<eFetchResult><ERROR>UID=${BAD_PMID}: cannot get document summary</ERROR></eFetchResult>`,
        'text/xml',
      );
  }
  const upstream = await fetch(`${ncbi.url}${req.url.pathname}${req.url.search}`);
  send(res, upstream.status, await upstream.text(), upstream.headers.get('content-type') ?? 'text/xml');
});

const items = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Feed paper ${from + i}: exercise and bone density</title><link>https://journal.example/a/${from + i}</link><description>Background: we studied ${from + i} adults. Methods: a randomized trial of exercise. Results: bone density rose by ${i % 9}%. Conclusions: exercise helps.</description></item>`,
  ).join('\n');
const rss = (body: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Fault Journal</title><link>https://journal.example</link><description>x</description>${body}</channel></rss>`;
const huge = `<item><title>A huge item</title><link>https://journal.example/huge</link><description>${'Bone density rose. '.repeat(16_000)}</description></item>`;
const feeds = await startServer((req, res) => {
  if (req.url.pathname === '/many.xml')
    return send(res, 200, rss(`${huge}\n${items(120)}`), 'application/rss+xml');
  return send(res, 200, rss(items(30_000, 1000)), 'application/rss+xml'); // 8.5 MB
});

const rig = await faultRig({
  LLM_PROVIDER: 'extractive',
  NCBI_EUTILS_URL: proxy.url,
  FEED_MAX_BYTES: '1000000',
  WATCH_MAX_NEW_PER_POLL: '50',
  // The feed server is on 127.0.0.1, which feeds may not reach by default.
  FETCH_ALLOW_PRIVATE: '127.0.0.1',
});
const results: Array<[string, Figures, string]> = [];

afterAll(async () => {
  for (const s of [ncbi, proxy, feeds]) await s.close();
  for (const [name, f, extra] of results) printFigures(name, f, extra);
});

const pmids = ['30158200', '24792780', '27797938', '35196497'];
const pmidPapers: string[] = [];

it('a 200 NCBI answer that is not PubMed XML is retried; a batch error fails only its own PMID', async () => {
  const ctx = rig.ctx();
  bad.push(
    '{"error":"API rate limit exceeded","count":"11"}',
    '<html><body>Service unavailable</body></html>',
    '<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation>',
  );
  const ids: string[] = [];
  for (const pmid of [...pmids, BAD_PMID])
    ids.push((await submitPaper(ctx, { kind: 'pmid', pmid }, { actor: 'faults' })).id);
  pmidPapers.push(...ids);
  const drain = await runCli(['worker', '--drain'], rig.env);
  expect(drain.code).toBe(0);
  const f = await figures(ctx, ids);
  results.push([
    'NCBI 200 JSON/HTML/cut-off answers, one bad PMID in a batch',
    f,
    `${proxy.requests.length} EFetch requests`,
  ]);
  expect(f).toMatchObject({ drafted: 4, failedWithReason: 1, stuck: 0, lost: 0, duplicateDrafts: 0 });
  const failed = await ctx.store.require(ids[4] ?? '');
  expect(failed.reason).toMatch(/cannot get document summary/);
  // Permanent failures say so: no "will retry" in the final reason or the log line.
  expect(failed.reason).not.toMatch(/will retry/i);
  const line = drain.stderr
    .split('\n')
    .find((l) => l.includes(ids[4] ?? '-') && l.includes('"level":"error"'));
  expect(line).toMatch(/failed for good/);
});

it('bounds feeds: the download, each item, and the new papers per poll', async () => {
  const ctx = rig.ctx();
  const add = async (path: string) => {
    const out = await runCli(
      ['watch', 'add', 'feed', `${feeds.url}${path}`, '--every', '1d', '--json'],
      rig.env,
    );
    return (JSON.parse(out.stdout) as { id: string }).id;
  };
  const many = await add('/many.xml');
  const big = await add('/big.xml');
  const first = await runCli(['watch', 'run', many], rig.env);
  expect(first.stdout).toMatch(/found 121, 50 new, 0 already known, 1 skipped, 70 left for the next poll/);
  const second = await runCli(['watch', 'run', many], rig.env);
  expect(second.stdout).toMatch(/50 new, 50 already known, 1 skipped, 20 left for the next poll/);
  const tooBig = await runCli(['watch', 'run', big], rig.env);
  expect(tooBig.code).toBe(1);
  expect(tooBig.stdout).toMatch(/too large.*1000000-byte limit/);
  const list = await runCli(['watch', 'list'], rig.env);
  expect(list.stdout).toMatch(/20 left for the next poll/);

  const ids = [...new Set([...((await ctx.watches.require(many)).lastPoll?.ids ?? [])])];
  // No scheduled poll during the drain: the figures are the two polls' papers.
  for (const id of [many, big]) expect((await runCli(['watch', 'remove', id], rig.env)).code).toBe(0);
  const drain = await runCli(['worker', '--drain'], rig.env);
  expect(drain.code).toBe(0);
  await waitFor(() => settled(ctx, ids), 10_000);
  const feedPapers = (await ctx.store.ids(undefined, 1000)).filter((id) => !pmidPapers.includes(id));
  const f = await figures(ctx, feedPapers);
  results.push([
    'feeds: 121 items (one 300 KB), an 8.5 MB feed',
    f,
    'polls queued 50 + 50, 1 item over MAX_TEXT_BYTES skipped, the 8.5 MB feed refused',
  ]);
  expect(f).toMatchObject({ submitted: 100, drafted: 100, stuck: 0, lost: 0 });
});
