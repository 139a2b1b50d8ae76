/**
 * Where published pages point. The same renderers serve two layouts: the HTTP
 * server (`/s/<slug>`, `/?topic=...`) and the static export (`s/<slug>.html`,
 * `topics/<topic>.html`, linked relatively so pages also work opened from disk).
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

/** Links for pages the HTTP server renders; a base URL with a path (behind a proxy) prefixes them. */
export function serverLinks(baseUrl: string): SiteLinks {
  const base = trimBase(baseUrl);
  const path = trimBase(new URL(base).pathname);
  const summary = (slug: string) => `/s/${encodeURIComponent(slug)}`;
  const topic = (t: string) => `/?topic=${encodeURIComponent(t)}`;
  return {
    home: `${path}/`,
    summary: (slug) => path + summary(slug),
    topic: (t) => path + topic(t),
    jsonFeed: `${path}/feed.json`,
    rssFeed: `${path}/feed.xml`,
    absolute: { home: `${base}/`, summary: (slug) => base + summary(slug), topic: (t) => base + topic(t) },
  };
}

/** Links for the static export, relative to a page at the root (depth 0) or in `s/` or `topics/` (depth 1). */
export function staticLinks(baseUrl: string, depth: 0 | 1): SiteLinks {
  const base = trimBase(baseUrl);
  const up = depth === 0 ? '' : '../';
  const summary = (slug: string) => `s/${encodeURIComponent(slug)}.html`;
  const topic = (t: string) => `topics/${encodeURIComponent(topicFileName(t))}.html`;
  return {
    home: `${up}index.html`,
    summary: (slug) => up + summary(slug),
    topic: (t) => up + topic(t),
    jsonFeed: `${up}feed.json`,
    rssFeed: `${up}feed.xml`,
    absolute: {
      home: `${base}/`,
      summary: (slug) => `${base}/${summary(slug)}`,
      topic: (t) => `${base}/${topic(t)}`,
    },
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
