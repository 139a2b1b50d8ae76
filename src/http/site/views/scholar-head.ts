/**
 * The head lines of a summary's page beyond the layout's own: `article:*`
 * Open Graph times and tags, Highwire Press `citation_*` tags and the
 * schema.org JSON-LD (src/publish/scholar-meta.ts builds it). hono/html keeps
 * the head's `<meta ...>` form (see ./layout.tsx) and escapes every value.
 */
import { html, raw } from 'hono/html';
import { isoDateTime } from '../../../publish/format.ts';
import { safeJson } from '../../../publish/json.ts';
import type { SiteLinks } from '../../../publish/links.ts';
import type { PublishedSummary } from '../../../publish/published.ts';
import { jsonLd } from '../../../publish/scholar-meta.ts';
import type { HeadLines } from './layout.tsx';

/** Highwire Press dates are `YYYY/MM/DD` (or `YYYY`, `YYYY/MM`). */
function highwireDate(iso: string): string {
  return iso.slice(0, 10).replaceAll('-', '/');
}

function citationTags(item: PublishedSummary) {
  const r = item.record;
  return html`<meta name="citation_title" content="${r.title}">
${r.authors.map((a) => html`<meta name="citation_author" content="${a}">\n`)}${r.publishedAt ? html`<meta name="citation_publication_date" content="${highwireDate(r.publishedAt)}">\n` : null}${r.journal ? html`<meta name="citation_journal_title" content="${r.journal}">\n` : null}${r.ids.doi ? html`<meta name="citation_doi" content="${r.ids.doi}">\n` : null}${r.ids.pmid ? html`<meta name="citation_pmid" content="${r.ids.pmid}">\n` : null}`;
}

export function scholarHead(item: PublishedSummary, links: SiteLinks, siteName: string): HeadLines {
  const modified = item.updatedAt ?? item.publishedAt;
  return html`<meta property="article:published_time" content="${isoDateTime(item.publishedAt)}">
<meta property="article:modified_time" content="${isoDateTime(modified)}">
${item.summary.topics.map((t) => html`<meta property="article:tag" content="${t}">\n`)}${citationTags(item)}<script type="application/ld+json">${
    // safeJson writes <, > and & as \u escapes: the JSON cannot close the script element.
    raw(safeJson(jsonLd(item, links, siteName)))
  }</script>
`;
}
