/** The HTML document around every published page: head with canonical and feed links, header, footer with the disclaimer. */
import { type Html, html, trusted } from './html.ts';
import type { SiteLinks } from './links.ts';
import { STYLESHEET } from './style.ts';

export const DEFAULT_SITE_NAME = 'LaySum';

export interface DocumentInput {
  title: string;
  description: string;
  canonical: string;
  links: SiteLinks;
  siteName: string;
  disclaimer: string;
  kind: 'article' | 'website';
  main: Html;
  /** More head lines (a summary's JSON-LD and citation tags, ./scholar-meta.ts). */
  head?: Html;
}

/** The site's share image (./og-image.ts), the same address live and exported. */
export const OG_IMAGE_FILE = 'og-image.png';

function head(d: DocumentInput): Html {
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title}</title>
<meta name="description" content="${d.description}">
<link rel="canonical" href="${d.canonical}">
<link rel="alternate" type="application/feed+json" title="${d.siteName} (JSON Feed)" href="${d.links.jsonFeed}">
<link rel="alternate" type="application/rss+xml" title="${d.siteName} (RSS)" href="${d.links.rssFeed}">
<meta property="og:site_name" content="${d.siteName}">
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
${d.head ?? null}<style>${trusted(STYLESHEET)}</style>
</head>`;
}

/** A complete HTML5 document. */
export function renderDocument(d: DocumentInput): string {
  return html`<!doctype html>
<html lang="en">
${head(d)}
<body>
<header class="site-header">
<a class="site-name" href="${d.links.home}">${d.siteName}</a>
<nav aria-label="Site"><a href="${d.links.home}">All summaries</a><a href="${d.links.rssFeed}">RSS</a><a href="${d.links.jsonFeed}">JSON Feed</a></nav>
</header>
<main>
${d.main}
</main>
<footer class="site-footer">
<section aria-labelledby="about-heading">
<h2 id="about-heading">About These Summaries</h2>
<p class="disclaimer">${d.disclaimer}</p>
</section>
</footer>
</body>
</html>
`.value;
}
