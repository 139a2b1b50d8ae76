import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseFeed } from 'feedsmith';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { sitePages } from '../../src/http/site/views/pages.ts';
import { exportSite, MANIFEST } from '../../src/publish/export.ts';
import { slugFor } from '../../src/publish/published.ts';
import { BASE_URL, DISCLAIMER, hostile, library } from './support.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'laysum-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function walk(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

const hrefs = (page: string) =>
  [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

describe('exportSite', () => {
  const items = library();
  const options = { disclaimer: DISCLAIMER, baseUrl: BASE_URL, pages: sitePages };

  it('writes the index, one page per summary, topic pages, both feeds and the data files', async () => {
    const result = await exportSite(items, dir, options);
    const files = (await walk(dir)).filter((f) => f !== MANIFEST);
    expect(result.files).toBe(files.length);
    expect(files.sort()).toEqual([...result.paths].sort());
    expect(files).toContain('index.html');
    expect(files).toContain('feed.json');
    expect(files).toContain('feed.xml');
    for (const item of items) {
      expect(files).toContain(`s/${item.slug}.html`);
      expect(files).toContain(`data/${item.slug}.json`);
      expect(files).toContain(`data/${item.slug}.md`);
    }
    expect(files).toContain('topics/back-pain.html');
    expect(files).toContain('topics/vitamin-d.html');
    // One page per distinct topic: "Back Pain" and "back pain" are one topic.
    const topics = new Set(items.flatMap((i) => i.summary.topics.map((t) => t.toLowerCase())));
    expect(topics.size).toBe(21);
    expect(files.filter((f) => f.startsWith('topics/'))).toHaveLength(topics.size);
    expect(files).toContain('sitemap.xml');
    expect(files).toContain('robots.txt');
    expect(files).toContain('og-image.png');
    expect(files).toHaveLength(items.length * 3 + topics.size + 6);
  });

  it('links every page only to files that exist, so the site works from disk', async () => {
    await exportSite(items, dir, options);
    const pages = (await walk(dir)).filter((f) => f.endsWith('.html'));
    let checked = 0;
    for (const page of pages) {
      const html = await readFile(join(dir, page), 'utf8');
      for (const href of hrefs(html)) {
        if (/^https?:\/\//.test(href)) continue;
        expect(href.startsWith('/'), `${page} links to ${href}`).toBe(false);
        const target = resolve(dirname(join(dir, page)), decodeURIComponent(href.split(/[?#]/)[0] ?? ''));
        expect(existsSync(target), `${page} links to missing ${href}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes and links pages whose headline and topics are not in Latin letters', async () => {
    const [first, ...rest] = items;
    if (!first) throw new Error('empty library');
    const summary = {
      ...first.summary,
      headline: 'Ожирение у детей: β-блокаторы',
      topics: ['日本', 'β-blockers'],
    };
    const cyrillic = { ...first, summary, slug: slugFor(first.id, summary.headline) };
    expect(cyrillic.slug).toBe(`ожирение-у-детей-beta-блокаторы-${first.id}`);
    await exportSite([cyrillic, ...rest], dir, options);
    const files = await walk(dir);
    expect(files).toContain(`s/${cyrillic.slug}.html`);
    expect(files).toContain('topics/日本.html');
    const page = await readFile(join(dir, `s/${cyrillic.slug}.html`), 'utf8');
    expect(page).toContain(`href="../topics/${encodeURIComponent('日本')}.html"`);
  });

  it('uses the live site’s URLs in canonical links and feeds, linking files relatively', async () => {
    await exportSite(items, dir, options);
    const fracture = items.find((i) => i.id === 'p0000000000b2');
    const url = `${BASE_URL}/s/${fracture?.slug}`;
    const page = await readFile(join(dir, `s/${fracture?.slug}.html`), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${url}">`);
    expect(page).toContain('href="../topics/osteoporosis.html"');
    const feed = JSON.parse(await readFile(join(dir, 'feed.json'), 'utf8'));
    expect(feed.items[0].url).toBe(url);
    const rss = parseFeed(await readFile(join(dir, 'feed.xml'), 'utf8'));
    expect(rss.format).toBe('rss');
  });

  it('writes each summary as public JSON with nothing internal in it, and its Markdown', async () => {
    await exportSite(items, dir, options);
    for (const item of items) {
      const text = await readFile(join(dir, `data/${item.slug}.json`), 'utf8');
      const data = JSON.parse(text);
      expect(data).toMatchObject({
        headline: item.summary.headline,
        keyTakeaway: item.summary.takeaway,
        topics: item.summary.topics,
        id: item.id,
        slug: item.slug,
        version: item.version,
        publishedAt: new Date(item.publishedAt).toISOString(),
        madeWith: item.provider === 'extractive' ? 'from-abstract' : 'ai-assisted',
      });
      expect(data.credit).toMatch(/checked by a person on/);
      // No provider or model, no reviewer names (PAGE_CREDIT_NAMES is off), no full text, checks or sentence links.
      for (const internal of [
        'provider',
        'checkedBy',
        'fullText',
        'checks',
        'reviewerNotes',
        'links',
        'sourceSentences',
      ])
        expect(text).not.toContain(`"${internal}"`);
      expect(text).not.toContain('reviewer-1');
      const md = await readFile(join(dir, `data/${item.slug}.md`), 'utf8');
      expect(md.startsWith('---\n')).toBe(true);
      expect(md).toContain(`\n---\n# ${item.summary.headline}`);
    }
  });

  it('keeps hostile text escaped in every file it writes', async () => {
    const bad = hostile();
    await exportSite([bad, ...items], dir, options);
    for (const file of await walk(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      // The one script element allowed is the JSON-LD data block, which never runs.
      expect(text, file).not.toMatch(/(?<!\\)<script(?! type="application\/ld\+json">)/i);
    }
  });

  it('refuses a directory it cannot write, saying what to do', async () => {
    const file = join(dir, 'not-a-directory');
    await writeFile(file, 'x');
    const failure = exportSite(items, join(file, 'site'), options);
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toThrow(/Cannot write the site to .*not-a-directory\/site/);
  });

  it('refuses a summary whose slug would leave the directory', async () => {
    const [first] = items;
    if (!first) throw new Error('no items');
    await expect(exportSite([{ ...first, slug: '../../escape' }], dir, options)).rejects.toThrow(
      /not a safe file name/,
    );
    expect(existsSync(join(dir, 'index.html'))).toBe(false);
  });
});
