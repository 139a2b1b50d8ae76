/**
 * The editors' desk pages over HTTP: landing on "My submissions", changes
 * since the last visit, the submit form keeping what was typed with plain
 * messages, the page after submitting titled with the paper's title, and
 * batch upload (a pasted list and a file) with the CLI's tally.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitPaper } from '../../src/intake/submit.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { internalsOf } from '../../src/store/internals.ts';
import {
  type HttpHarness,
  OFFLINE_SOURCES as OFFLINE,
  paperText,
  signIn,
  startHttp,
  type WebSession,
} from './support.ts';

let h: HttpHarness;
let editor: WebSession;

beforeAll(async () => {
  h = await startHttp(OFFLINE);
  editor = await signIn(h, h.tokens.editor);
});
afterAll(async () => {
  await h.cleanup();
});

/** A multipart form post, as a browser sends a form with a file input. */
function postMultipart(path: string, fields: Record<string, string | File>): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', editor.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetch(h.url + path, {
    method: 'POST',
    body: form,
    headers: { accept: 'text/html', 'sec-fetch-site': 'same-origin', cookie: editor.cookie },
    redirect: 'manual',
  });
}

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

describe('my submissions', () => {
  it('is where an editor lands after signing in; reviewers land on the queue', async () => {
    const form = await fetch(`${h.url}/login`, { headers: { accept: 'text/html' } });
    const html = await form.text();
    const csrf = /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const login = (token: string) =>
      fetch(`${h.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: csrf, token, next: '/desk' }),
        headers: { accept: 'text/html', 'sec-fetch-site': 'same-origin', cookie },
        redirect: 'manual',
      });
    expect((await login(h.tokens.editor)).headers.get('location')).toBe('/desk/mine');
    expect((await login(h.tokens.reviewer)).headers.get('location')).toBe('/desk');
  });

  it('lists the editor’s papers newest first and marks what changed since the last visit', async () => {
    const first = await editor.post('/desk/submit', {
      title: 'Balance classes and falls',
      text: paperText('Balance classes and falls'),
    });
    expect(first.status).toBe(303);
    const firstId = /papers\/([^?]+)/.exec(first.headers.get('location') ?? '')?.[1] ?? '';
    const second = await editor.post('/desk/submit', { text: paperText('Walking groups and hip fractures') });
    const secondId = /papers\/([^?]+)/.exec(second.headers.get('location') ?? '')?.[1] ?? '';
    await h.p.submit({ kind: 'text', text: paperText('Someone else’s paper on tai chi') });

    const page1 = await (await editor.get('/desk/mine')).text();
    expect(page1).toContain('My submissions');
    expect(page1.indexOf(secondId)).toBeGreaterThan(0);
    expect(page1.indexOf(secondId)).toBeLessThan(page1.indexOf(firstId));
    expect(page1).not.toContain('tai chi');
    expect(page1).toContain('queued');

    await h.p.start({ stages: ['ingest', 'summarize'] });
    await h.p.waitFor(firstId, ['pending_review']);
    await h.p.waitFor(secondId, ['pending_review']);
    const page2 = await (await editor.get('/desk/mine')).text();
    expect(page2).toMatch(/2 changed since your last visit/);
    expect(page2).toMatch(/pending review/);
    const page3 = await (await editor.get('/desk/mine')).text();
    expect(page3).toMatch(/Nothing changed since your last visit/);
  });

  it('finds the papers submitted before the index existed', async () => {
    const k = internalsOf(h.deps.store).keys;
    const old = await submitPaper(
      h.p.ctx,
      { kind: 'text', text: paperText('An old paper on hip protectors') },
      { actor: 'cli:editor-1' },
    );
    await redisOf(h.p.ctx).zrem(k.submittedBy('editor-1'), old.id);
    await redisOf(h.p.ctx).del(k.submittersIndexed);
    const html = await (await editor.get('/desk/mine')).text();
    expect(html).toContain('An old paper on hip protectors');
  });
});

describe('the submit form', () => {
  it('keeps what was typed and says in plain words what to fix', async () => {
    const typed = { title: 'My <draft> title', text: 'A few words about & falls', pmid: '30158200' };
    const res = await editor.post('/desk/submit', typed);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('You filled in Abstract or text and PMID: this form takes one paper at a time.');
    expect(html).toContain('value="My &lt;draft&gt; title"');
    expect(html).toContain('A few words about &amp; falls</textarea>');
    expect(html).toContain('value="30158200"');
    expect(html).not.toMatch(/Send exactly one|multipart field|as JSON/);
  });

  it('names the missing title without CLI flags', async () => {
    const res = await editor.post('/desk/submit', {
      text: 'No title line here, just a sentence that goes on.',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('The text needs a title.');
    expect(html).not.toContain('--title');
    expect(html).toContain('No title line here, just a sentence that goes on.</textarea>');
  });

  it('says what a bad DOI looks like and keeps it', async () => {
    const html = await (await editor.post('/desk/submit', { doi: 'not a doi' })).text();
    expect(html).toContain('is not a DOI');
    expect(html).toContain('value="not a doi"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('titles the page after submitting with the paper’s title, not its id', async () => {
    const res = await editor.post('/desk/submit', {
      title: 'Yoga for back pain',
      text: paperText('Yoga for back pain').split('\n\n')[1] ?? '',
    });
    expect(res.status).toBe(303);
    const id = /papers\/([^?]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    const html = await (await editor.get(res.headers.get('location') ?? '')).text();
    expect(titleOf(html)).toMatch(/^(Yoga for back pain|.+) · LaySum review desk$/);
    expect(titleOf(html)).not.toContain(id);
    const byPmid = await editor.post('/desk/submit', { pmid: '30158200' });
    const page = await (await editor.get(byPmid.headers.get('location') ?? '')).text();
    expect(titleOf(page)).not.toMatch(/^p[0-9a-f]{12}/);
  });
});

describe('batch upload', () => {
  const LIST = readFileSync('test/fixtures/batch/dois-and-pmids.txt', 'utf8');

  it('gives the CLI’s tally for a pasted list, and "already known" the second time', async () => {
    const res = await postMultipart('/desk/batch', { list: LIST });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('9 queued, 0 already known (skipped), 3 invalid line(s).');
    expect(html).toMatch(/line 12: <code>10.1002\/14651858.cd001290.pub2<\/code>: duplicate of line 2/);
    expect(html).toMatch(/line 14: <code>CD006004.pub4<\/code>/);
    const again = await (await postMultipart('/desk/batch', { list: LIST })).text();
    expect(again).toContain('0 queued, 9 already known (skipped), 3 invalid line(s).');
  });

  it('reads an uploaded CSV and RIS file', async () => {
    for (const name of ['papers.csv', 'zotero-export.ris']) {
      const bytes = readFileSync(`test/fixtures/batch/${name}`);
      const res = await postMultipart('/desk/batch', { file: new File([bytes], name) });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(
        new RegExp(`${name.replace('.', '\\.')}: \\d+ queued, \\d+ already known`),
      );
    }
  });

  it('says what to do with an empty form, and refuses reviewers', async () => {
    const res = await postMultipart('/desk/batch', { list: '  ' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Paste PMIDs or DOIs, one a line');
    const reviewer = await signIn(h, h.tokens.reviewer);
    expect((await reviewer.post('/desk/batch', { list: '30158200' })).status).toBe(403);
  });
});
