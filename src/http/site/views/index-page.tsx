/**
 * The list of published summaries, newest first, optionally filtered to one
 * topic and cut into pages (the server pages it; the static export does not),
 * with every topic and its count.
 */
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import { renderDisclaimer } from '../../../publish/disclaimer.ts';
import { longDate, shortDate } from '../../../publish/format.ts';
import { type SiteLinks, serverLinks } from '../../../publish/links.ts';
import type { IndexOptions } from '../../../publish/pages.ts';
import { type PublishedSummary, sortNewestFirst } from '../../../publish/published.ts';
import { SEARCH_MAX } from '../../../publish/search.ts';
import { DEFAULT_SITE } from '../../../publish/site-identity.ts';
import { hasTopic, type TopicCount, topicCounts, topicKey } from '../../../publish/topics.ts';
import { renderSiteDocument } from './layout.tsx';

const NL = '\n';

// hono/html, not JSX, for the <input>: it keeps the page's HTML void-element form (see ./layout.tsx).
function SearchBox({ links, query }: { links: SiteLinks; query: string | undefined }) {
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

function Pager(p: { links: SiteLinks; topic: string | undefined; n: number; pages: number }) {
  if (p.pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {p.n > 1 ? (
        <a href={pageUrl(p.links, p.topic, p.n - 1)} rel="prev">
          ← Newer
        </a>
      ) : null}{' '}
      <span>
        Page {String(p.n)} of {String(p.pages)}
      </span>{' '}
      {p.n < p.pages ? (
        <a href={pageUrl(p.links, p.topic, p.n + 1)} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  );
}

/** The line under a headline: when we published (the list's order), then the article's journal and date. */
function Meta({ item, locale }: { item: PublishedSummary; locale: string }) {
  const r = item.record;
  const article: Child[] = [
    r.journal ? <cite>{r.journal}</cite> : null,
    r.publishedAt ? longDate(r.publishedAt, locale) : null,
  ]
    .filter((part) => part !== null)
    .flatMap((part, i) => (i === 0 ? [part] : [', ', part]));
  return (
    <p class="meta">
      Summary published <time datetime={item.publishedAt}>{shortDate(item.publishedAt, locale)}</time>
      {article.length > 0 ? [' · ', ...article] : null}
    </p>
  );
}

function TopicTags({ topics, links }: { topics: readonly string[]; links: SiteLinks }) {
  return topics.map((t) => (
    <li>
      <a href={links.topic(t)} rel="tag">
        {t}
      </a>
    </li>
  ));
}

function Entry({ item, links, locale }: { item: PublishedSummary; links: SiteLinks; locale: string }) {
  const s = item.summary;
  return (
    <li class="card">
      {NL}
      <h2>
        <a href={links.summary(item.slug)}>{s.headline}</a>
      </h2>
      {NL}
      <Meta item={item} locale={locale} />
      {NL}
      <p>{s.takeaway}</p>
      {NL}
      <ul class="tags" aria-label="Topics">
        <TopicTags topics={s.topics} links={links} />
      </ul>
      {NL}
    </li>
  );
}

function TopicList({ counts, links }: { counts: readonly TopicCount[]; links: SiteLinks }) {
  if (counts.length === 0) return null;
  return (
    <section aria-labelledby="all-topics-heading">
      {NL}
      <h2 id="all-topics-heading">All Topics</h2>
      {NL}
      <ul class="tags">
        {counts.map((c) => (
          <li>
            <a href={links.topic(c.topic)}>
              {c.topic} <span class="count">({c.count})</span>
            </a>
          </li>
        ))}
      </ul>
      {NL}
    </section>
  );
}

function Heading(p: { topic: string | undefined; counts: readonly TopicCount[]; links: SiteLinks }) {
  if (p.topic === undefined) return <h1>Latest Research Summaries</h1>;
  // Show the topic as the summaries spell it, whatever case the URL used.
  const key = topicKey(p.topic);
  const shown = p.counts.find((c) => topicKey(c.topic) === key)?.topic ?? p.topic.trim();
  return (
    <>
      <h1>Topic: {shown}</h1>
      {NL}
      <p>
        <a href={p.links.home}>← All summaries</a>
      </p>
    </>
  );
}

function SearchHeading({ query, found, links }: { query: string; found: number; links: SiteLinks }) {
  return (
    <>
      <h1>Search: {query}</h1>
      {NL}
      <p>
        {String(found)} {found === 1 ? 'summary matches' : 'summaries match'}
        {found >= SEARCH_MAX ? ` (the newest ${SEARCH_MAX} shown)` : ''}.{' '}
        <a href={links.home}>← All summaries</a>
      </p>
    </>
  );
}

export function renderIndex(items: readonly PublishedSummary[], options: IndexOptions): string {
  const topic = options.topic?.trim() ? options.topic : undefined;
  const sorted = sortNewestFirst(items);
  const all = topic === undefined ? sorted : sorted.filter((item) => hasTopic(item, topic));
  return renderIndexPage(all, topicCounts(sorted), options);
}

function emptyText(query: string | undefined, topic: string | undefined): string {
  if (query !== undefined) return 'No published summary has all of those words: try fewer or other words.';
  return topic === undefined
    ? 'Nothing has been published yet.'
    : 'No published summaries on this topic yet.';
}

/**
 * A page of `list` (the summaries on the page's topic, or all, already
 * newest first), with the site's topic counts: what the server renders from
 * the lists it keeps (src/publish/published-set.ts) without sorting or counting again.
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
  const main = (
    <>
      {options.searchable ? <SearchBox links={links} query={query} /> : null}
      {query === undefined ? (
        <Heading topic={topic} counts={counts} links={links} />
      ) : (
        <SearchHeading query={query} found={list.length} links={links} />
      )}
      {NL}
      {shown.length > 0 ? (
        <ol class="cards">
          {shown.map((item) => (
            <Entry item={item} links={links} locale={site.locale} />
          ))}
        </ol>
      ) : (
        <p>{emptyText(query, topic)}</p>
      )}
      {NL}
      {options.page ? <Pager links={links} topic={topic} n={n} pages={pages} /> : null}
      {NL}
      <TopicList counts={counts} links={links} />
    </>
  );
  return renderSiteDocument({
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
    children: main,
  });
}
