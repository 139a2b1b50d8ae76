/**
 * What search engines and scholarly indexes read on a summary's page, in its
 * head: schema.org JSON-LD (a MedicalWebPage about the ScholarlyArticle it
 * summarizes, which is also its `citation`, with DOI, PMID, authors, journal
 * and dates), Highwire Press `citation_*` tags for that article, and
 * `article:*` Open Graph times and tags. Only the published summary and its
 * source record go in: nothing internal.
 */
import { isoDateTime } from './format.ts';
import { type Html, html, trusted } from './html.ts';
import { safeJson } from './json.ts';
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

/** Highwire Press dates are `YYYY/MM/DD` (or `YYYY`, `YYYY/MM`). */
function highwireDate(iso: string): string {
  return iso.slice(0, 10).replaceAll('-', '/');
}

function citationTags(item: PublishedSummary): Html {
  const r = item.record;
  return html`<meta name="citation_title" content="${r.title}">
${r.authors.map((a) => html`<meta name="citation_author" content="${a}">\n`)}${r.publishedAt ? html`<meta name="citation_publication_date" content="${highwireDate(r.publishedAt)}">\n` : null}${r.journal ? html`<meta name="citation_journal_title" content="${r.journal}">\n` : null}${r.ids.doi ? html`<meta name="citation_doi" content="${r.ids.doi}">\n` : null}${r.ids.pmid ? html`<meta name="citation_pmid" content="${r.ids.pmid}">\n` : null}`;
}

/** The head lines of a summary's page beyond the layout's own. */
export function scholarHead(item: PublishedSummary, links: SiteLinks, siteName: string): Html {
  const modified = item.updatedAt ?? item.publishedAt;
  return html`<meta property="article:published_time" content="${isoDateTime(item.publishedAt)}">
<meta property="article:modified_time" content="${isoDateTime(modified)}">
${item.summary.topics.map((t) => html`<meta property="article:tag" content="${t}">\n`)}${citationTags(item)}<script type="application/ld+json">${
    // safeJson writes <, > and & as \u escapes: the JSON cannot close the script element.
    trusted(safeJson(jsonLd(item, links, siteName)))
  }</script>
`;
}
