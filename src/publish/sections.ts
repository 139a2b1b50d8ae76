/**
 * The pieces of a published summary as HTML, in the seed page's order. The
 * summary page and the feeds' content_html are both built from these, so a
 * feed reader sees the same text (and the same escaping) as the web page.
 */
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary, Rating } from '../domain/summary.ts';
import { articleDate, excerpt, longDate, paragraphsOf, shortAuthors, shortDate } from './format.ts';
import { type Html, html } from './html.ts';
import { doiUrl, pubmedUrl, type SiteLinks, webUrl } from './links.ts';
import type { PublishedSummary } from './published.ts';

const MAX_SCORE = 5;

const paragraphs = (text: string): Html[] => paragraphsOf(text).map((p) => html`<p>${p}</p>`);

function rating(label: string, r: Rating): Html {
  const score = Math.min(MAX_SCORE, Math.max(0, r.score));
  const dots = '●'.repeat(score) + '○'.repeat(MAX_SCORE - score);
  return html`<section class="rating">
<h2>${label}</h2>
<div><span class="dots" aria-hidden="true">${dots}</span><span class="score">${score}/${MAX_SCORE}</span></div>
<p>${r.rationale}</p>
</section>`;
}

export function ratingsBlock(summary: LaySummary): Html {
  return html`<div class="ratings">
${rating('Credibility', summary.ratings.credibility)}
${rating('Interest', summary.ratings.interest)}
</div>`;
}

/** Text the offline provider extracted and no person rewrote. */
export const isRawExtract = (item: Pick<PublishedSummary, 'provider' | 'rewritten'>) =>
  item.provider === 'extractive' && !item.rewritten;

export function extractiveNotice(item: PublishedSummary): Html | null {
  if (!isRawExtract(item)) return null;
  return html`<p class="notice" role="note">This text was extracted automatically from the article's abstract, not written as a plain-language summary. It may use technical language.</p>`;
}

/** Key Takeaway, What They Found, Who Should Care and Why, Important Considerations. */
export function summarySections(summary: LaySummary): Html {
  return html`<section aria-labelledby="takeaway-heading">
<h2 id="takeaway-heading">Key Takeaway</h2>
<p class="takeaway">${summary.takeaway}</p>
</section>
<section aria-labelledby="findings-heading">
<h2 id="findings-heading">What They Found</h2>
${paragraphs(summary.findings)}
</section>
<section aria-labelledby="audience-heading">
<h2 id="audience-heading">Who Should Care and Why</h2>
${paragraphs(summary.audience)}
</section>
<section aria-labelledby="considerations-heading">
<h2 id="considerations-heading">Important Considerations</h2>
<ul>${summary.caveats.map((c) => html`<li>${c}</li>`)}</ul>
</section>`;
}

export function topicsSection(summary: LaySummary, links: SiteLinks): Html {
  const tags = summary.topics.map((t) => html`<li><a href="${links.topic(t)}" rel="tag">${t}</a></li>`);
  return html`<section aria-labelledby="topics-heading">
<h2 id="topics-heading">Article Topics</h2>
<ul class="tags">${tags}</ul>
</section>`;
}

function sourceLinks(record: PaperRecord): Html[] {
  const out: Html[] = [];
  if (record.ids.doi) out.push(html`<a href="${doiUrl(record.ids.doi)}">DOI: ${record.ids.doi}</a>`);
  const pubmed = pubmedUrl(record.ids.pmid);
  if (pubmed) out.push(html`<a href="${pubmed}">PubMed: ${record.ids.pmid}</a>`);
  const web = out.length === 0 ? webUrl(record.sourceUrl) : null;
  if (web) out.push(html`<a href="${web}">Source</a>`);
  return out.flatMap((link, i) => (i === 0 ? [link] : [html` · `, link]));
}

/** The original article: title, journal, date, authors, DOI and PubMed links. */
export function sourceSection(record: PaperRecord, locale?: string): Html {
  const links = sourceLinks(record);
  return html`<section class="source" aria-labelledby="source-heading">
<h2 id="source-heading">More Details</h2>
<dl>
<dt>Original article</dt><dd>${record.title}</dd>
${record.journal ? html`<dt>Journal</dt><dd>${record.journal}</dd>` : null}
${record.publishedAt ? html`<dt>Published</dt><dd>${longDate(record.publishedAt, locale)}</dd>` : null}
${record.authors.length > 0 ? html`<dt>Authors</dt><dd>${shortAuthors(record.authors)}</dd>` : null}
${links.length > 0 ? html`<dt>Read the original</dt><dd>${links}</dd>` : null}
</dl>
</section>`;
}

function card(item: PublishedSummary, links: SiteLinks, locale?: string): Html {
  const date = articleDate(item);
  return html`<li class="card">
<h3><a href="${links.summary(item.slug)}">${item.summary.headline}</a></h3>
<p class="meta"><time datetime="${date}">${shortDate(date, locale)}</time></p>
<p>${excerpt(item.summary.takeaway)}</p>
<a href="${links.summary(item.slug)}" aria-label="Read more: ${item.summary.headline}">Read More</a>
</li>`;
}

/** "You May Also Like" cards; nothing at all when no other summary shares a topic. */
export function relatedSection(
  items: readonly PublishedSummary[],
  links: SiteLinks,
  locale?: string,
): Html | null {
  if (items.length === 0) return null;
  return html`<section aria-labelledby="related-heading">
<h2 id="related-heading">You May Also Like</h2>
<ul class="cards">${items.map((item) => card(item, links, locale))}</ul>
</section>`;
}
