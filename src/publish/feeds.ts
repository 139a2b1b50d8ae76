/**
 * The published summaries as feeds: JSON Feed 1.1 and RSS 2.0. Item HTML comes
 * from the page views (`SitePages.feedItem`, the same sections as the web
 * page), passed in by the caller; RSS text is XML-escaped on
 * top, and characters XML 1.0 forbids are dropped so the feed always parses.
 */
import { escapeUTF8 } from 'entities';
import { isoDateTime } from './format.ts';
import { articleUrl, type SiteLinks, serverLinks, trimBase } from './links.ts';
import type { FeedItemHtml } from './pages.ts';
import { type PublishedSummary, sortNewestFirst } from './published.ts';

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  content_html: string;
  summary: string;
  date_published: string;
  /** When a corrected version replaced the first one. */
  date_modified?: string;
  tags: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

const FEED_DESCRIPTION =
  'Plain-language summaries of published research, reviewed by people before publication.';

function jsonItem(item: PublishedSummary, links: SiteLinks, itemHtml: FeedItemHtml): JsonFeedItem {
  const external = articleUrl(item.record.ids, item.record.sourceUrl);
  return {
    id: item.id,
    url: links.absolute.summary(item.slug),
    ...(external ? { external_url: external } : {}),
    title: item.summary.headline,
    content_html: itemHtml(item),
    summary: item.summary.takeaway,
    date_published: isoDateTime(item.publishedAt),
    ...(item.updatedAt ? { date_modified: isoDateTime(item.updatedAt) } : {}),
    tags: [...item.summary.topics],
  };
}

/** A JSON Feed 1.1 object, newest first. Serialize with `safeJson` (./json.ts). */
export function jsonFeed(
  items: readonly PublishedSummary[],
  baseUrl: string,
  title: string,
  itemHtml: FeedItemHtml,
  links: SiteLinks = serverLinks(baseUrl),
): JsonFeed {
  const base = trimBase(baseUrl);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: links.absolute.home,
    feed_url: `${base}/feed.json`,
    description: FEED_DESCRIPTION,
    language: 'en',
    items: sortNewestFirst(items).map((item) => jsonItem(item, links, itemHtml)),
  };
}

/** XML 1.0 allows tab, newline, carriage return and these ranges; anything else (control characters, lone surrogates) is dropped. */
function xmlAllowed(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
  return (
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/** Text for an XML element or attribute: the five specials escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  let allowed = '';
  for (const ch of text) {
    if (xmlAllowed(ch.codePointAt(0) ?? 0)) allowed += ch;
  }
  return escapeUTF8(allowed);
}

/** RFC 822 date as RSS wants it: "Fri, 01 May 2026 09:30:00 GMT". */
export function rfc822(value: string): string {
  const time = Date.parse(value);
  return new Date(Number.isNaN(time) ? 0 : time).toUTCString();
}

function rssItem(item: PublishedSummary, links: SiteLinks, itemHtml: FeedItemHtml): string {
  const url = escapeXml(links.absolute.summary(item.slug));
  const categories = item.summary.topics.map((t) => `      <category>${escapeXml(t)}</category>`);
  return [
    '    <item>',
    `      <title>${escapeXml(item.summary.headline)}</title>`,
    `      <link>${url}</link>`,
    `      <guid isPermaLink="true">${url}</guid>`,
    `      <pubDate>${rfc822(item.publishedAt)}</pubDate>`,
    `      <description>${escapeXml(itemHtml(item))}</description>`,
    ...categories,
    '    </item>',
  ].join('\n');
}

/** An RSS 2.0 document, newest first. */
export function rssFeed(
  items: readonly PublishedSummary[],
  baseUrl: string,
  title: string,
  itemHtml: FeedItemHtml,
  links: SiteLinks = serverLinks(baseUrl),
): string {
  const sorted = sortNewestFirst(items);
  // The last change to any item, corrections included (ISO strings sort by time).
  const lastChange = sorted
    .map((i) => isoDateTime(i.updatedAt ?? i.publishedAt))
    .sort()
    .at(-1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(title)}</title>`,
    `    <link>${escapeXml(links.absolute.home)}</link>`,
    `    <description>${escapeXml(FEED_DESCRIPTION)}</description>`,
    '    <language>en</language>',
    `    <atom:link href="${escapeXml(`${trimBase(baseUrl)}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    ...(lastChange ? [`    <lastBuildDate>${rfc822(lastChange)}</lastBuildDate>`] : []),
    ...sorted.map((item) => rssItem(item, links, itemHtml)),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
