/**
 * The list of published summaries, newest first, optionally filtered to one
 * topic and cut into pages (the server pages it; the static export does not),
 * with every topic and its count.
 */
import { renderDisclaimer } from './disclaimer.ts';
import { longDate, shortDate } from './format.ts';
import { type Html, html } from './html.ts';
import { DEFAULT_SITE, renderDocument } from './layout.ts';
import { type SiteLinks, serverLinks } from './links.ts';
import type { PageOptions } from './pages.ts';
import { type PublishedSummary, sortNewestFirst } from './published.ts';
import { SEARCH_MAX } from './search.ts';
import { hasTopic, type TopicCount, topicCounts, topicKey } from './topics.ts';

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

function searchBox(links: SiteLinks, query: string | undefined): Html {
  return html`<form class="search" role="search" method="get" action="${links.home}">
<label for="site-q">Search the summaries</label>
<input id="site-q" name="q" type="search" value="${query ?? ''}" maxlength="200">
<button type="submit">Search</button>
</form>`;
}

/** `/?page=2`, `/?topic=sleep&page=2`: a page of the server's list. */
function pageUrl(links: SiteLinks, topic: string | undefined, n: number): string {
  const base = topic === undefined ? links.home : links.topic(topic);
  if (n <= 1) return base;
  return `${base}${base.includes('?') ? '&' : '?'}page=${n}`;
}

function pager(links: SiteLinks, topic: string | undefined, n: number, pages: number): Html | null {
  if (pages <= 1) return null;
  const newer = n > 1 ? html`<a href="${pageUrl(links, topic, n - 1)}" rel="prev">← Newer</a>` : null;
  const older = n < pages ? html`<a href="${pageUrl(links, topic, n + 1)}" rel="next">Older →</a>` : null;
  return html`<nav class="pager" aria-label="Pages">${newer} <span>Page ${String(n)} of ${String(pages)}</span> ${older}</nav>`;
}

/** The line under a headline: when we published (the list's order), then the article's journal and date. */
function meta(item: PublishedSummary, locale: string): Html {
  const r = item.record;
  const article = [
    r.journal ? html`<cite>${r.journal}</cite>` : null,
    r.publishedAt ? longDate(r.publishedAt, locale) : null,
  ]
    .filter((part) => part !== null)
    .flatMap((part, i) => (i === 0 ? [part] : [', ', part]));
  return html`<p class="meta">Summary published <time datetime="${item.publishedAt}">${shortDate(item.publishedAt, locale)}</time>${article.length > 0 ? html` · ${article}` : null}</p>`;
}

function entry(item: PublishedSummary, links: SiteLinks, locale: string): Html {
  const s = item.summary;
  return html`<li class="card">
<h2><a href="${links.summary(item.slug)}">${s.headline}</a></h2>
${meta(item, locale)}
<p>${s.takeaway}</p>
<ul class="tags" aria-label="Topics">${s.topics.map((t) => html`<li><a href="${links.topic(t)}" rel="tag">${t}</a></li>`)}</ul>
</li>`;
}

function topicList(counts: readonly TopicCount[], links: SiteLinks): Html | null {
  if (counts.length === 0) return null;
  const tags = counts.map(
    (c) =>
      html`<li><a href="${links.topic(c.topic)}">${c.topic} <span class="count">(${c.count})</span></a></li>`,
  );
  return html`<section aria-labelledby="all-topics-heading">
<h2 id="all-topics-heading">All Topics</h2>
<ul class="tags">${tags}</ul>
</section>`;
}

function heading(topic: string | undefined, counts: readonly TopicCount[], links: SiteLinks): Html {
  if (topic === undefined) return html`<h1>Latest Research Summaries</h1>`;
  // Show the topic as the summaries spell it, whatever case the URL used.
  const shown = counts.find((c) => topicKey(c.topic) === topicKey(topic))?.topic ?? topic.trim();
  return html`<h1>Topic: ${shown}</h1>
<p><a href="${links.home}">← All summaries</a></p>`;
}

export function renderIndex(items: readonly PublishedSummary[], options: IndexOptions): string {
  const topic = options.topic?.trim() ? options.topic : undefined;
  const sorted = sortNewestFirst(items);
  const all = topic === undefined ? sorted : sorted.filter((item) => hasTopic(item, topic));
  return renderIndexPage(all, topicCounts(sorted), options);
}

/**
 * A page of `list` (the summaries on the page's topic, or all, already
 * newest first), with the site's topic counts: what the server renders from
 * the lists it keeps (./published-set.ts) without sorting or counting again.
 */
export function renderIndexPage(
  list: readonly PublishedSummary[],
  counts: readonly TopicCount[],
  options: IndexOptions,
): string {
  const links = options.links ?? serverLinks(options.baseUrl);
  const site = options.site ?? DEFAULT_SITE;
  const topic = options.topic?.trim() ? options.topic : undefined;
  const query = options.query?.trim() || undefined;
  const size = options.page?.size ?? Math.max(1, list.length);
  const pages = Math.max(1, Math.ceil(list.length / size));
  const n = Math.min(Math.max(1, options.page?.number ?? 1), pages);
  const shown = options.page ? list.slice((n - 1) * size, n * size) : list;
  const empty =
    query !== undefined
      ? 'No published summary has all of those words: try fewer or other words.'
      : topic === undefined
        ? 'Nothing has been published yet.'
        : 'No published summaries on this topic yet.';
  const head =
    query === undefined
      ? heading(topic, counts, links)
      : html`<h1>Search: ${query}</h1>
<p>${String(list.length)} ${list.length === 1 ? 'summary matches' : 'summaries match'}${list.length >= SEARCH_MAX ? ` (the newest ${SEARCH_MAX} shown)` : ''}. <a href="${links.home}">← All summaries</a></p>`;
  const main = html`${options.searchable ? searchBox(links, query) : null}${head}
${shown.length > 0 ? html`<ol class="cards">${shown.map((item) => entry(item, links, site.locale))}</ol>` : html`<p>${empty}</p>`}
${options.page ? pager(links, topic, n, pages) : null}
${topicList(counts, links)}`;
  return renderDocument({
    title:
      topic === undefined
        ? `${site.name}: plain-language research summaries`
        : `Topic: ${topic} | ${site.name}`,
    description: 'Plain-language summaries of published research, reviewed by people before publication.',
    canonical:
      (topic === undefined ? links.absolute.home : links.absolute.topic(topic)) +
      (n > 1 ? `${topic === undefined ? '?' : '&'}page=${n}` : ''),
    links,
    site,
    disclaimer: renderDisclaimer(options, null),
    kind: 'website',
    main,
  });
}
