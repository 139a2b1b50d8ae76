/**
 * A published summary as Markdown, with the web page's sections. Text from the
 * model or a reviewer is escaped so that it stays text: no raw HTML, links or
 * emphasis can be smuggled in through a headline or a caveat.
 */

import type { Rating } from '../domain/summary.ts';
import { type CreditWording, creditLine } from './credit.ts';
import { renderDisclaimer } from './disclaimer.ts';
import { longDate, paragraphsOf, shortAuthors, shortDate } from './format.ts';
import { doiUrl, pubmedUrl } from './links.ts';
import { isRawExtract, type PublishedSummary } from './published.ts';

/** Escape Markdown syntax in text that sits inside a line (newlines become spaces). */
export function mdEscape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>~|!]/g, (c) => `\\${c}`);
}

/** Escape text that starts a line or list item, where '#', '-', '+', '=' or '1.' would start a block. */
export function mdLine(text: string): string {
  return mdEscape(text)
    .replace(/^[#+=-]/, (m) => `\\${m}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Escaped paragraphs, keeping the blank lines a reviewer put between them. */
function mdParagraphs(text: string): string {
  return paragraphsOf(text).map(mdLine).join('\n\n');
}

/** A link destination in <...>, so parentheses in a DOI cannot end it early. */
function mdLink(label: string, url: string): string {
  return `[${mdEscape(label)}](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)`;
}

function mdRating(label: string, r: Rating): string {
  const score = Math.min(5, Math.max(0, r.score));
  return `**${label}:** ${'●'.repeat(score)}${'○'.repeat(5 - score)} ${score}/5 — ${mdEscape(r.rationale)}`;
}

function details(item: PublishedSummary): string[] {
  const r = item.record;
  const pubmed = pubmedUrl(r.ids.pmid);
  return [
    `- **Original article:** ${mdEscape(r.title)}`,
    r.journal ? `- **Journal:** ${mdEscape(r.journal)}` : '',
    r.publishedAt ? `- **Published:** ${longDate(r.publishedAt)}` : '',
    r.authors.length > 0 ? `- **Authors:** ${mdEscape(shortAuthors(r.authors))}` : '',
    r.ids.doi ? `- **DOI:** ${mdLink(r.ids.doi, doiUrl(r.ids.doi))}` : '',
    pubmed && r.ids.pmid ? `- **PubMed:** ${mdLink(r.ids.pmid, pubmed)}` : '',
  ].filter((line) => line !== '');
}

export function toMarkdown(item: PublishedSummary, disclaimer: string, credit?: CreditWording): string {
  const s = item.summary;
  const notice = isRawExtract(item)
    ? [
        "> **Note:** this text was extracted automatically from the article's abstract, not written as a plain-language summary.",
        '',
      ]
    : [];
  return [
    `# ${mdLine(s.headline)}`,
    '',
    `*Summary published ${shortDate(item.publishedAt)}${item.updatedAt ? ` · Updated on ${shortDate(item.updatedAt)}` : ''}*`,
    '',
    mdLine(creditLine(item, credit)),
    '',
    ...notice,
    mdRating('Credibility', s.ratings.credibility),
    '',
    mdRating('Interest', s.ratings.interest),
    '',
    '## Key Takeaway',
    '',
    mdLine(s.takeaway),
    '',
    '## What They Found',
    '',
    mdParagraphs(s.findings),
    '',
    '## Who Should Care and Why',
    '',
    mdParagraphs(s.audience),
    '',
    '## Important Considerations',
    '',
    ...s.caveats.map((c) => `- ${mdLine(c)}`),
    '',
    '## Article Topics',
    '',
    s.topics.map(mdLine).join(' · '),
    '',
    '## More Details',
    '',
    ...details(item),
    '',
    '---',
    '',
    mdParagraphs(renderDisclaimer({ disclaimer }, item.record)),
    '',
  ].join('\n');
}
