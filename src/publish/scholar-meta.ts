/**
 * What search engines and scholarly indexes read on a summary's page, in its
 * head: schema.org JSON-LD (a MedicalWebPage about the ScholarlyArticle it
 * summarizes, which is also its `citation`, with DOI, PMID, authors, journal
 * and dates), Highwire Press `citation_*` tags for that article, and
 * `article:*` Open Graph times and tags. Only the published summary and its
 * source record go in: nothing internal. This module builds the JSON-LD; the
 * head tags are written by the page view (src/http/site/views/scholar-head.ts).
 */
import { isoDateTime } from './format.ts';
import { articleUrl, doiUrl, pubmedUrl, type SiteLinks } from './links.ts';
import type { PublishedSummary } from './published.ts';

type Node = Record<string, unknown>;

function identifiers(item: PublishedSummary): Node[] {
  const { doi, pmid } = item.record.ids;
  return [
    ...(doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: doi }] : []),
    ...(pmid ? [{ '@type': 'PropertyValue', propertyID: 'PMID', value: pmid }] : []),
  ];
}

/** The article the summary is about, as schema.org describes a paper. */
function scholarlyArticle(item: PublishedSummary, pageUrl: string): Node {
  const r = item.record;
  const sameAs = [r.ids.doi ? doiUrl(r.ids.doi) : null, pubmedUrl(r.ids.pmid)].filter(
    (u): u is string => u !== null,
  );
  const url = articleUrl(r.ids, r.sourceUrl);
  return {
    '@type': 'ScholarlyArticle',
    '@id': `${pageUrl}#source`,
    headline: r.title,
    name: r.title,
    ...(url ? { url } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    ...(r.authors.length ? { author: r.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(r.publishedAt ? { datePublished: r.publishedAt } : {}),
    ...(r.journal ? { isPartOf: { '@type': 'Periodical', name: r.journal } } : {}),
    ...(identifiers(item).length ? { identifier: identifiers(item) } : {}),
  };
}

/** The page as schema.org JSON-LD. */
export function jsonLd(item: PublishedSummary, links: SiteLinks, siteName: string): Node {
  const url = links.absolute.summary(item.slug);
  const site = { '@type': 'Organization', name: siteName, url: links.absolute.home };
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    name: item.summary.headline,
    headline: item.summary.headline,
    description: item.summary.takeaway,
    inLanguage: 'en',
    datePublished: isoDateTime(item.publishedAt),
    dateModified: isoDateTime(item.updatedAt ?? item.publishedAt),
    lastReviewed: isoDateTime(item.checkedAt),
    reviewedBy: site,
    publisher: site,
    isPartOf: { '@type': 'WebSite', name: siteName, url: links.absolute.home },
    keywords: item.summary.topics.join(', '),
    about: { '@id': `${url}#source` },
    citation: scholarlyArticle(item, url),
  };
}
