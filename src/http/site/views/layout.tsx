/**
 * The HTML document around every published page: head with canonical, feed and
 * share tags, header, footer with the disclaimer. The stylesheet is inlined so
 * an exported page is self-contained.
 *
 * The head is written with hono/html rather than JSX: JSX closes void elements
 * as `<meta/>`, and the published head keeps its HTML form (`<meta ...>`) that
 * exports, caches and tests already hold. Both escape every value the same way.
 */
import { html, raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { SiteLinks } from '../../../publish/links.ts';
import { OG_IMAGE_FILE, type SiteIdentity } from '../../../publish/site-identity.ts';
import { STYLESHEET } from '../assets/style.ts';

export interface DocumentProps {
  title: string;
  description: string;
  canonical: string;
  links: SiteLinks;
  site: SiteIdentity;
  disclaimer: string;
  kind: 'article' | 'website';
  /** More head lines (a summary's JSON-LD and citation tags, ./scholar-head.ts), built by hono/html: a plain string here would be escaped. */
  head?: HeadLines | undefined;
  children?: Child;
}

/** Markup built by hono/html's tag, which escaped every value in it. */
export type HeadLines = ReturnType<typeof html>;

const NL = '\n';

function head(d: DocumentProps) {
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title}</title>
<meta name="description" content="${d.description}">
<link rel="canonical" href="${d.canonical}">
<link rel="alternate" type="application/feed+json" title="${d.site.name} (JSON Feed)" href="${d.links.jsonFeed}">
<link rel="alternate" type="application/rss+xml" title="${d.site.name} (RSS)" href="${d.links.rssFeed}">
<meta property="og:site_name" content="${d.site.name}">
<meta property="og:type" content="${d.kind}">
<meta property="og:title" content="${d.title}">
<meta property="og:description" content="${d.description}">
<meta property="og:url" content="${d.canonical}">
<meta property="og:image" content="${d.links.absolute.home}${OG_IMAGE_FILE}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${d.title}">
<meta name="twitter:description" content="${d.description}">
${d.head ?? null}<style>${raw(STYLESHEET)}</style>
</head>`;
}

function SiteDocument(d: DocumentProps) {
  return (
    <>
      {raw('<!doctype html>\n')}
      <html lang={d.site.locale.split('-')[0] ?? 'en'}>
        {NL}
        {head(d)}
        {NL}
        <body>
          {NL}
          <header class="site-header">
            {NL}
            <a class="site-name" href={d.links.home}>
              {d.site.name}
            </a>
            {NL}
            <nav aria-label="Site">
              <a href={d.links.home}>All summaries</a>
              <a href={d.links.rssFeed}>RSS</a>
              <a href={d.links.jsonFeed}>JSON Feed</a>
            </nav>
            {NL}
          </header>
          {NL}
          <main>
            {NL}
            {d.children}
            {NL}
          </main>
          {NL}
          <footer class="site-footer">
            {NL}
            <section aria-labelledby="about-heading">
              {NL}
              <h2 id="about-heading">About These Summaries</h2>
              {NL}
              {d.site.about ? <p class="about">{d.site.about}</p> : null}
              {NL}
              <p class="disclaimer">{d.disclaimer}</p>
              {NL}
            </section>
            {NL}
          </footer>
          {NL}
        </body>
        {NL}
      </html>
      {NL}
    </>
  );
}

/** A complete HTML5 document as a string (pages are cached and exported as strings). */
export function renderSiteDocument(props: DocumentProps): string {
  return String(<SiteDocument {...props} />);
}
