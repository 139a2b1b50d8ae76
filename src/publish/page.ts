/** One published summary as a complete HTML page, laid out like the seed page. */
import { type CreditWording, creditLine } from './credit.ts';
import { renderDisclaimer } from './disclaimer.ts';
import { shortDate } from './format.ts';
import { type Html, html } from './html.ts';
import { DEFAULT_SITE_NAME, renderDocument } from './layout.ts';
import { type SiteLinks, serverLinks } from './links.ts';
import type { PublishedSummary } from './published.ts';
import { scholarHead } from './scholar-meta.ts';
import {
  extractiveNotice,
  ratingsBlock,
  relatedSection,
  sourceSection,
  summarySections,
  topicsSection,
} from './sections.ts';

export interface PageOptions {
  disclaimer: string;
  baseUrl: string;
  siteName?: string;
  /** Defaults to the HTTP server's URLs; the static export passes its relative ones. */
  links?: SiteLinks;
  /** How the page says it was made and checked (PAGE_CREDIT_*). */
  credit?: CreditWording;
  /** A line above the article (the desk's preview says it is not published). */
  banner?: string;
}

/** "· Updated on 5/3/2026" once a corrected version has replaced the first one. */
export function updated(item: PublishedSummary): Html | null {
  if (!item.updatedAt) return null;
  return html` · <span class="updated">Updated on <time datetime="${item.updatedAt}">${shortDate(item.updatedAt)}</time></span>`;
}

export function renderSummaryPage(
  item: PublishedSummary,
  related: readonly PublishedSummary[],
  options: PageOptions,
): string {
  const links = options.links ?? serverLinks(options.baseUrl);
  const siteName = options.siteName ?? DEFAULT_SITE_NAME;
  const s = item.summary;
  const banner = options.banner
    ? html`<p class="notice preview-banner" role="note">${options.banner}</p>`
    : null;
  const main = html`${banner}<article>
<h1>${s.headline}</h1>
<p class="meta">Summary published <time datetime="${item.publishedAt}">${shortDate(item.publishedAt)}</time>${updated(item)}${item.record.journal ? html` · about an article in <cite>${item.record.journal}</cite>` : null}</p>
<p class="credit">${creditLine(item, options.credit)}</p>
${extractiveNotice(item)}
${ratingsBlock(s)}
${summarySections(s)}
${topicsSection(s, links)}
${sourceSection(item.record)}
</article>
${relatedSection(related, links)}`;
  return renderDocument({
    title: `${s.headline} | ${siteName}`,
    description: s.takeaway,
    canonical: links.absolute.summary(item.slug),
    links,
    siteName,
    disclaimer: renderDisclaimer(options, item.record),
    kind: 'article',
    main,
    head: scholarHead(item, links, siteName),
  });
}
