import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/publish/feeds.ts';
import { excerpt, longDate, shortAuthors, shortDate } from '../../src/publish/format.ts';
import { safeJson } from '../../src/publish/json.ts';
import { doiUrl, serverLinks, staticLinks, webUrl } from '../../src/publish/links.ts';
import { topicFileName } from '../../src/publish/topics.ts';

describe('dates', () => {
  it('shows partial PubMed dates only as precise as they are, whatever the time zone', () => {
    expect(shortDate('2026-05-01')).toBe('May 1, 2026');
    // A month alone never gets an invented day.
    expect(shortDate('2026-05')).toBe('May 2026');
    expect(shortDate('2018')).toBe('2018');
    expect(shortDate('2026-12-31T23:30:00.000Z')).toBe('Dec 31, 2026');
    expect(longDate('2018-08-29')).toBe('August 29, 2018');
    expect(longDate('2023-02')).toBe('February 2023');
    expect(longDate(null)).toBe('');
    expect(shortDate('not a date')).toBe('');
  });

  it("follows the site's locale (SITE_LOCALE) through Intl.DateTimeFormat", () => {
    expect(shortDate('2026-05-01', 'en-GB')).toBe('1 May 2026');
    expect(longDate('2018-08-29', 'en-GB')).toBe('29 August 2018');
    expect(longDate('2023-02', 'de-DE')).toBe('Februar 2023');
    expect(shortDate('2026-12-07', 'fr-FR')).toBe('7 déc. 2026');
  });
});

describe('text helpers', () => {
  it('cuts excerpts at a word boundary near 100 characters', () => {
    const text =
      'Learn how certain gut bacteria can worsen MS symptoms and what this means for treatment and daily life with the disease.';
    const cut = excerpt(text);
    expect(cut).toBe(
      'Learn how certain gut bacteria can worsen MS symptoms and what this means for treatment and daily…',
    );
    expect(excerpt('Short enough.')).toBe('Short enough.');
  });

  it('lists up to four authors, then three and et al.', () => {
    expect(shortAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C, D');
    expect(shortAuthors(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C, et al.');
    expect(shortAuthors([])).toBe('');
  });

  it('escapes XML and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`a<b>&"c'\u0000\u0007\uFFFE\uD800 ok 😀`)).toBe('a&lt;b&gt;&amp;&quot;c&apos; ok 😀');
  });

  it('writes JSON that no HTML parser can read a tag out of', () => {
    const value = { title: '</script><script>alert(1)</script>', line: 'a\u2028b & c' };
    const text = safeJson(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('links', () => {
  it('builds DOI links that keep the DOI intact but cannot break out of an attribute', () => {
    expect(doiUrl('10.1136/bmj.k3225')).toBe('https://doi.org/10.1136/bmj.k3225');
    expect(doiUrl('10.1002/(SICI)1097-0258"<x>')).toBe('https://doi.org/10.1002/(SICI)1097-0258%22%3Cx%3E');
  });

  it('only links web addresses from a record', () => {
    expect(webUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('not a url')).toBeNull();
  });

  it('gives distinct topics distinct file names', () => {
    expect(topicFileName('Vitamin D')).toBe('vitamin-d');
    expect(topicFileName('vitamin  d')).toBe('vitamin-d');
    const names = [
      'vitamin d',
      'vitamin-d',
      'Vitamin-D!',
      'β-blockers',
      'blockers',
      '日本',
      '中国',
      'x'.repeat(120),
    ].map(topicFileName);
    expect(new Set(names).size).toBe(names.length);
    expect(names[1]).toMatch(/^vitamin-d-[0-9a-f]{8}$/);
    expect(names.every((n) => /^[\p{Ll}\p{Lo}0-9-]+$/u.test(n))).toBe(true);
    expect(names.slice(3, 6)).toEqual([
      expect.stringMatching(/^beta-blockers-[0-9a-f]{8}$/),
      'blockers',
      '日本',
    ]);
  });

  it('links static pages relatively from the root and from a folder', () => {
    const root = staticLinks('https://example.org/site/', 0);
    const folder = staticLinks('https://example.org/site/', 1);
    expect(root.summary('a-p0123456789ab')).toBe('s/a-p0123456789ab.html');
    expect(folder.summary('a-p0123456789ab')).toBe('../s/a-p0123456789ab.html');
    expect(folder.topic('back pain')).toBe('../topics/back-pain.html');
    expect(folder.home).toBe('../index.html');
    // Absolute URLs are the live site's: canonical links and feeds do not change between the two.
    expect(root.absolute.summary('a-p0123456789ab')).toBe('https://example.org/site/s/a-p0123456789ab');
    const live = serverLinks('https://example.org/site/').absolute;
    expect(folder.absolute.summary('a-p0123456789ab')).toBe(live.summary('a-p0123456789ab'));
    expect(folder.absolute.topic('back pain')).toBe(live.topic('back pain'));
  });

  it('links server pages from the root, or under the base URL path behind a proxy', () => {
    const root = serverLinks('http://localhost:3000');
    expect([root.home, root.summary('a-p0123456789ab'), root.topic('vitamin d'), root.jsonFeed]).toEqual([
      '/',
      '/s/a-p0123456789ab',
      '/?topic=vitamin%20d',
      '/feed.json',
    ]);
    const proxied = serverLinks('https://example.org/laysum/');
    expect(proxied.summary('a-p0123456789ab')).toBe('/laysum/s/a-p0123456789ab');
    expect(proxied.absolute.summary('a-p0123456789ab')).toBe('https://example.org/laysum/s/a-p0123456789ab');
  });
});
