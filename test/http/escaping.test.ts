/**
 * Text from sources, the model and reviewers is data, never markup: a source
 * title and abstract and a draft carrying <script> and HTML are shown
 * escaped on every page that shows them (queue, review, history, published
 * page, index, feeds), and the only script a desk page runs is our own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, paperText, REVIEWER_FILL, signIn, startHttp, type WebSession } from './support.ts';

const TITLE = 'Tai chi <script>alert("title")</script> and falls in older adults';
const ABSTRACT_HTML = '<img src=x onerror=alert(1)> and <script>alert("abstract")</script> were reported.';
const HEADLINE = '<script>alert("headline")</script> Tai chi & falls';
const CAVEAT = 'A caveat with <b onmouseover="alert(1)">markup</b> in it.';

let h: HttpHarness;
let web: WebSession;
let id = '';

beforeAll(async () => {
  h = await startHttp();
  await h.p.start({ stages: ['ingest', 'summarize'] });
  web = await signIn(h, h.tokens.admin);
  const res = await h.call('/api/papers', {
    method: 'POST',
    token: h.tokens.editor,
    json: { text: paperText(TITLE, ABSTRACT_HTML) },
  });
  id = ((await res.json()) as { id: string }).id;
  await h.p.waitFor(id, ['pending_review']);
  const changes = {
    ...REVIEWER_FILL,
    headline: HEADLINE,
    caveats: [CAVEAT],
    topics: ['falls', '<i>tai chi</i>', 'older adults'],
  };
  const edit = await h.call(`/api/drafts/${id}`, {
    method: 'PATCH',
    token: h.tokens.reviewer,
    json: { basedOn: 1, changes },
  });
  expect(edit.status, await edit.clone().text()).toBe(200);
});
afterAll(async () => {
  await h.cleanup();
});

function expectEscaped(html: string, where: string): void {
  expect(html, where).not.toMatch(/<script>alert/);
  expect(html, where).not.toMatch(/<img src=x/);
  expect(html, where).not.toMatch(/<b onmouseover/);
  expect(html, where).not.toMatch(/<i>tai chi/);
}

/** Scripts that run: a JSON-LD data block (schema.org, read by search engines) is not one. */
const scripts = (html: string) => html.match(/<script\b(?! type="application\/ld\+json")/g)?.length ?? 0;

describe('escaping', () => {
  it('escapes source and draft text on the desk pages', async () => {
    const review = await (await web.get(`/desk/papers/${id}`)).text();
    expectEscaped(review, 'review page');
    expect(review).toContain('Tai chi &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; and falls');
    expect(review).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(review).toContain(
      'value="&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt; Tai chi &amp; falls"',
    );
    expect(review).toContain('&lt;b onmouseover=&quot;alert(1)&quot;&gt;markup&lt;/b&gt;'); // in the caveats textarea and the diff
    expect(scripts(review)).toBe(1);
    expect(review).toMatch(/<script nonce="[^"]+" src="\/assets\/desk\.[0-9a-f]{16}\.js"><\/script>/);

    const queue = await (await web.get('/desk')).text();
    expectEscaped(queue, 'queue page');
    expect(queue).toContain('&lt;script&gt;alert(&quot;headline&quot;)');
    expect(scripts(queue)).toBe(1);

    const history = await (await web.get('/desk/history')).text();
    expectEscaped(history, 'history page');
    expect(history).toContain('Tai chi &lt;script&gt;'); // the "ingested" entry notes the title
  });

  it('sends a CSP that only allows the nonce-tagged script on desk pages, none on public pages', async () => {
    const desk = await web.get('/desk');
    const csp = desk.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect((await h.call('/')).headers.get('content-security-policy')).toMatch(/script-src 'none'/);
  });

  it('escapes them on the published page, the index and the feeds', async () => {
    const decide = (action: string) =>
      h.call(`/api/drafts/${id}/${action}`, {
        method: 'POST',
        token: h.tokens.reviewer,
        json: { basedOn: 2 },
      });
    expect((await decide('approve')).status).toBe(200);
    expect((await decide('publish')).status).toBe(200);
    const index = await (await h.call('/')).text();
    expectEscaped(index, 'index');
    expect(scripts(index)).toBe(0);
    const slug = new RegExp(`href="/s/([a-z0-9-]*${id})"`).exec(index)?.[1];
    const page = await (await h.call(`/s/${slug}`)).text();
    expectEscaped(page, 'published page');
    expect(scripts(page)).toBe(0);
    // The headline inside the JSON-LD is JSON with < written as \u003c: it cannot close the block.
    const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? '';
    expect(JSON.parse(ld).headline).toBe(HEADLINE);
    expect(page).toContain('&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt; Tai chi &amp; falls');
    const json = await (await h.call('/feed.json')).text();
    expect(json).not.toContain('<script');
    expect(JSON.parse(json).items[0].title).toBe(HEADLINE);
    const xml = await (await h.call('/feed.xml')).text();
    expect(xml).not.toContain('<script');
  });

  it('keeps tokens out of pages and the log', async () => {
    const pages = await Promise.all(
      ['/desk', `/desk/papers/${id}`, '/desk/history', '/desk/submit'].map(async (p) =>
        (await web.get(p)).text(),
      ),
    );
    const log = h.logs.join('\n');
    for (const token of Object.values(h.tokens)) {
      for (const page of pages) expect(page).not.toContain(token);
      expect(log).not.toContain(token);
    }
  });
});
