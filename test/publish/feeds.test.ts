import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { renderFeedItem } from '../../src/http/site/views/feed-item.tsx';
import { jsonFeed, rssFeed } from '../../src/publish/feeds.ts';
import { safeJson } from '../../src/publish/json.ts';
import { BASE_URL, hostile, library, XSS } from './support.ts';

const all = library();
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe('JSON Feed 1.1', () => {
  const feed = jsonFeed(all, BASE_URL, 'LaySum', renderFeedItem);

  it('has the required top-level fields', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('LaySum');
    expect(feed.home_page_url).toBe(`${BASE_URL}/`);
    expect(feed.feed_url).toBe(`${BASE_URL}/feed.json`);
    expect(Array.isArray(feed.items)).toBe(true);
  });

  it('has one valid item per summary, newest first', () => {
    expect(feed.items).toHaveLength(all.length);
    const ids = new Set(feed.items.map((i) => i.id));
    expect(ids.size).toBe(all.length);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(new URL(item.url).href).toBe(item.url);
      expect(item.url.startsWith(`${BASE_URL}/s/`)).toBe(true);
      expect(item.date_published).toMatch(RFC3339);
      expect(item.content_html.length).toBeGreaterThan(0);
      expect(item.tags.length).toBeGreaterThanOrEqual(3);
    }
    const times = feed.items.map((i) => Date.parse(i.date_published));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('carries the headline, takeaway, sections, topics and the DOI as external_url', () => {
    const fracture = feed.items[0];
    expect(fracture).toMatchObject({
      id: 'p0000000000b2',
      url: `${BASE_URL}/s/bone-strength-not-vitamin-d-drives-fracture-risk-p0000000000b2`,
      external_url: 'https://doi.org/10.1136/bmj.k3225',
      title: 'Bone Strength, Not Vitamin D, Drives Fracture Risk',
      date_published: '2026-05-02T14:30:00.000Z',
      tags: ['osteoporosis', 'fractures', 'bone density', 'vitamin d', 'genetics'],
    });
    expect(fracture?.summary).toMatch(/^A very large genetic study found/);
    for (const h of [
      'Key Takeaway',
      'What They Found',
      'Who Should Care and Why',
      'Important Considerations',
    ]) {
      expect(fracture?.content_html).toContain(`>${h}</h2>`);
    }
    // No DOI: the PubMed page is the external link.
    expect(feed.items.at(-1)?.external_url).toBe('https://pubmed.ncbi.nlm.nih.gov/29768149/');
  });

  it('escapes markup inside content_html and in its serialized form', () => {
    const bad = jsonFeed([hostile()], BASE_URL, 'LaySum', renderFeedItem);
    const item = bad.items[0];
    expect(item?.content_html).not.toMatch(/<script/i);
    expect(item?.content_html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // title, summary and tags are plain text by the spec: kept as written, never HTML.
    expect(item?.title).toBe(`${XSS} Bone News`);
    const text = safeJson(bad);
    expect(text).not.toMatch(/<script/i);
    expect(JSON.parse(text)).toEqual(bad);
  });
});

describe('RSS 2.0', () => {
  const xml = rssFeed(all, BASE_URL, 'LaySum & Friends', renderFeedItem);

  it('parses as an RSS feed with every item', () => {
    const parsed = parseFeed(xml);
    expect(parsed.format).toBe('rss');
    if (parsed.format !== 'rss') return;
    expect(parsed.feed.title).toBe('LaySum & Friends');
    expect(parsed.feed.link).toBe(`${BASE_URL}/`);
    expect(parsed.feed.items).toHaveLength(all.length);
  });

  it('gives each item a permalink guid, an RFC 822 date and one category per topic', () => {
    const parsed = parseFeed(xml);
    if (parsed.format !== 'rss') throw new Error('not rss');
    const first = parsed.feed.items?.[0];
    const url = `${BASE_URL}/s/bone-strength-not-vitamin-d-drives-fracture-risk-p0000000000b2`;
    expect(first?.title).toBe('Bone Strength, Not Vitamin D, Drives Fracture Risk');
    expect(first?.link).toBe(url);
    expect(first?.guid).toEqual({ value: url, isPermaLink: true });
    expect(first?.pubDate).toBe('Sat, 02 May 2026 14:30:00 GMT');
    expect(first?.categories?.map((c) => c.name)).toEqual([
      'osteoporosis',
      'fractures',
      'bone density',
      'vitamin d',
      'genetics',
    ]);
    expect(first?.description).toContain('<h2 id="takeaway-heading">Key Takeaway</h2>');
  });

  it('escapes hostile text so it round-trips as text and never appears as a raw tag', () => {
    const bad = hostile();
    const withControl = {
      ...bad,
      summary: { ...bad.summary, headline: `${bad.summary.headline}\u0001\u0008` },
    };
    const text = rssFeed([withControl], BASE_URL, 'LaySum', renderFeedItem);
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toContain('<img');
    const parsed = parseFeed(text);
    if (parsed.format !== 'rss') throw new Error('not rss');
    const item = parsed.feed.items?.[0];
    expect(item?.title).toBe(`${XSS} Bone News`);
    expect(item?.categories?.map((c) => c.name)).toContain(XSS);
    // The description is HTML; its text is escaped once more inside it.
    expect(item?.description).not.toMatch(/<script/i);
    expect(item?.description).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
