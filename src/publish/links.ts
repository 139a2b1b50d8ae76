/**
 * Where published pages point. The same renderers serve two layouts: the HTTP
 * server (`/s/<slug>`, `/?topic=...`) and the static export (`s/<slug>.html`,
 * `topics/<topic>.html`, linked relatively so pages also work opened from disk).
 * Absolute URLs (canonical, og:url, JSON `url`, feed ids and guids, sitemap)
 * are the live site's in both, so moving between them changes no address.
 */
import { doiUrl } from '../sources/doi.ts';
import { isPmid, pubmedUrl as pubmedPage } from '../sources/pmid.ts';
import { topicFileName } from './topics.ts';

/** Pages link a DOI the way the sources record it. */
export { doiUrl } from '../sources/doi.ts';

export interface SiteLinks {
  home: string;
  summary(slug: string): string;
  topic(topic: string): string;
  jsonFeed: string;
  rssFeed: string;
  /** Absolute URLs for canonical links, Open Graph and feeds. */
  absolute: { home: string; summary(slug: string): string; topic(topic: string): string };
}

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

const summaryPath = (slug: string) => `/s/${encodeURIComponent(slug)}`;
const topicPath = (t: string) => `/?topic=${encodeURIComponent(t)}`;

/** The one set of public addresses, live and exported alike. */
function absoluteLinks(baseUrl: string): SiteLinks['absolute'] {
  const base = trimBase(baseUrl);
  return { home: `${base}/`, summary: (slug) => base + summaryPath(slug), topic: (t) => base + topicPath(t) };
}

/** Links for pages the HTTP server renders; a base URL with a path (behind a proxy) prefixes them. */
export function serverLinks(baseUrl: string): SiteLinks {
  const path = trimBase(new URL(trimBase(baseUrl)).pathname);
  return {
    home: `${path}/`,
    summary: (slug) => path + summaryPath(slug),
    topic: (t) => path + topicPath(t),
    jsonFeed: `${path}/feed.json`,
    rssFeed: `${path}/feed.xml`,
    absolute: absoluteLinks(baseUrl),
  };
}

/**
 * Links for the static export, relative to a page at the root (depth 0) or in `s/` or `topics/`
 * (depth 1); absolute ones are the live site's (a static host serves `s/<slug>.html` at `/s/<slug>`).
 */
export function staticLinks(baseUrl: string, depth: 0 | 1): SiteLinks {
  const up = depth === 0 ? '' : '../';
  const summary = (slug: string) => `s/${encodeURIComponent(slug)}.html`;
  const topic = (t: string) => `topics/${encodeURIComponent(topicFileName(t))}.html`;
  return {
    home: `${up}index.html`,
    summary: (slug) => up + summary(slug),
    topic: (t) => up + topic(t),
    jsonFeed: `${up}feed.json`,
    rssFeed: `${up}feed.xml`,
    absolute: absoluteLinks(baseUrl),
  };
}

/** The PubMed page of a record's PMID; null when it has none (or what it has is not a PMID). */
export function pubmedUrl(pmid: string | undefined): string | null {
  return pmid && isPmid(pmid) ? pubmedPage(pmid) : null;
}

/** The record's source URL when it is a plain web address (never javascript: or data:). */
export function webUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The best link to the original article: DOI, else PubMed, else the source URL. */
export function articleUrl(
  ids: { doi?: string | undefined; pmid?: string | undefined },
  sourceUrl: string | null,
): string | null {
  if (ids.doi) return doiUrl(ids.doi);
  return pubmedUrl(ids.pmid) ?? webUrl(sourceUrl);
}
