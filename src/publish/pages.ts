/**
 * What the publish layer needs from whoever renders the public HTML. The pages
 * themselves are hono/jsx views (src/http/site/views); publish keeps the data,
 * feeds and export, so it asks for a `SitePages` instead of importing a web
 * framework. The CLI export command and the server pass `sitePages`
 * (src/http/site/views/pages.ts).
 */
import type { CreditWording } from './credit.ts';
import type { SiteLinks } from './links.ts';
import type { PublishedSummary } from './published.ts';
import type { SiteIdentity } from './site-identity.ts';

export interface PageOptions {
  disclaimer: string;
  baseUrl: string;
  site?: SiteIdentity;
  /** Defaults to the HTTP server's URLs; the static export passes its relative ones. */
  links?: SiteLinks;
  /** How the page says it was made and checked (PAGE_CREDIT_*). */
  credit?: CreditWording;
  /** A line above the article (the desk's preview says it is not published). */
  banner?: string;
}

export interface IndexOptions extends PageOptions {
  /** Only the summaries on this topic. */
  topic?: string;
  /** One page of the list (1-based) of `size` summaries, with links to the pages beside it. */
  page?: { number: number; size: number };
  /** Show the search box (the server answers `/?q=`; a static export cannot). */
  searchable?: boolean;
  /** The list is the results of this search. */
  query?: string;
}

export interface SitePages {
  /** One published summary as a complete HTML document. */
  summary(item: PublishedSummary, related: readonly PublishedSummary[], options: PageOptions): string;
  /** All summaries (or those on `options.topic`), newest first, with every topic and its count. */
  index(items: readonly PublishedSummary[], options: IndexOptions): string;
  /** The article body a feed reader shows (content_html, RSS description). */
  feedItem: FeedItemHtml;
}

export type FeedItemHtml = (item: PublishedSummary) => string;
