/**
 * The published site is the publisher's: SITE_NAME on every page and feed,
 * SITE_ABOUT above the disclaimer, dates in SITE_LOCALE (a month-only article
 * date never gets an invented day), and SITE_LOCALE checked at start-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { type HttpHarness, reviewedPaper, startHttp } from './support.ts';

let h: HttpHarness;
const ABOUT = 'Short, plain summaries of new multiple sclerosis research, each checked by our editors.';

beforeAll(async () => {
  h = await startHttp({ SITE_NAME: 'MS Research Explained', SITE_ABOUT: ABOUT, SITE_LOCALE: 'en-GB' });
  await h.p.start({ stages: ['ingest', 'summarize'] });
});
afterAll(() => h.cleanup());

const post = (id: string, action: string, json: unknown) =>
  h.call(`/api/drafts/${id}/${action}`, { method: 'POST', token: h.tokens.reviewer, json });

/** A reviewed paper, approved and published at version 2; its id. */
async function publishedPaper(title: string): Promise<string> {
  const id = await reviewedPaper(h, title);
  expect((await post(id, 'approve', { basedOn: 2 })).status).toBe(200);
  expect((await post(id, 'publish', { basedOn: 2 })).status).toBe(200);
  return id;
}

describe('site settings', () => {
  it('names the site, explains it, and writes dates the British way', async () => {
    const id = await publishedPaper('Site identity: balance classes');
    const home = await (await h.call('/')).text();
    expect(home).toContain('<title>MS Research Explained: plain-language research summaries</title>');
    expect(home).toContain('<a class="site-name" href="/">MS Research Explained</a>');
    expect(home).toContain(`<p class="about">${ABOUT}</p>`);
    expect(home).not.toMatch(/>LaySum</);
    // "7 Dec 2026", never "12/7/2026".
    const published = />(\d{1,2} [A-Z][a-z]{2} \d{4})<\/time>/.exec(home)?.[1];
    expect(published).toBeDefined();
    expect(home).not.toMatch(/>\d{1,2}\/\d{1,2}\/\d{4}</);
    const slug = new RegExp(`href="/s/([^"]*${id})"`).exec(home)?.[1] ?? '';
    const page = await (await h.call(`/s/${slug}`)).text();
    expect(page).toContain('| MS Research Explained</title>');
    expect(page).toContain(ABOUT);
    const feed = (await (await h.call('/feed.json')).json()) as { title: string };
    expect(feed.title).toBe('MS Research Explained: plain-language research summaries');
  });

  it('refuses a locale Node.js does not know, naming the variable', () => {
    expect(() => parseEnv({ SITE_LOCALE: 'not a locale!' })).toThrow(/SITE_LOCALE: must be a locale/);
  });
});

describe('the index search box', () => {
  it('finds published summaries by their words, and never a withdrawn one', async () => {
    const id = await publishedPaper('Search: walking sticks and falls at home');
    const home = await (await h.call('/')).text();
    expect(home).toContain('<form class="search" role="search" method="get" action="/">');
    const found = await (await h.call(`/?q=${encodeURIComponent('WALKING sticks')}`)).text();
    expect(found).toContain('<h1>Search: WALKING sticks</h1>');
    expect(found).toContain('1 summary matches');
    expect(found).toContain(id);
    const none = await (await h.call('/?q=unicorns')).text();
    expect(none).toContain('No published summary has all of those words');
    expect(none).not.toContain(id);
    expect((await post(id, 'unpublish', { reason: 'Published too early.' })).status).toBe(200);
    expect(await (await h.call('/?q=walking')).text()).not.toContain(id);
  });
});
