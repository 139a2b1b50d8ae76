/**
 * A published summary as Markdown, with the web page's sections. Text from the
 * model or a reviewer is escaped so that it stays text: no raw HTML, links or
 * emphasis can be smuggled in through a headline or a caveat.
 */
import { longDate, shortAuthors, shortDate } from './format.ts';
import { doiUrl, pubmedUrl } from './links.ts';
import type { PublishedSummary } from './published.ts';
import type { Rating } from '../domain/summary.ts';

/** Escape Markdown syntax inside one line of text (newlines become spaces). */
export function mdInline(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const escaped = line.replace(/[\\`*_[\]<>~|!]/g, (c) => `\\${c}`);
  // A line that starts with '#', '-', '+', '=' or '1.' would become a heading or a list.
  return escaped.replace(/^([#+=-]|\d+(?=[.)]))/, (m) => (m.length === 1 ? `\\${m}` : `${m}\\`));
}

/** Escaped paragraphs, keeping the blank lines a reviewer put between them. */
function mdParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(mdInline)
    .join('\n\n');
}

/** A link destination in <...>, so parentheses in a DOI cannot end it early. */
function mdLink(label: string, url: string): string {
  return `[${mdInline(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function mdRating(label: string, r: Rating): string {
  const score = Math.min(5, Math.max(0, r.score));
  return `**${label}:** ${'●'.repeat(score)}${'○'.repeat(5 - score)} ${score}/5 — ${mdInline(r.rationale)}`;
}

function details(item: PublishedSummary): string[] {
  const r = item.record;
  const pubmed = r.ids.pmid ? pubmedUrl(r.ids.pmid) : null;
  return [
    `- **Original article:** ${mdInline(r.title)}`,
    r.journal ? `- **Journal:** ${mdInline(r.journal)}` : '',
    r.publishedAt ? `- **Published:** ${longDate(r.publishedAt)}` : '',
    r.authors.length > 0 ? `- **Authors:** ${mdInline(shortAuthors(r.authors))}` : '',
    r.ids.doi ? `- **DOI:** ${mdLink(r.ids.doi, doiUrl(r.ids.doi))}` : '',
    pubmed && r.ids.pmid ? `- **PubMed:** ${mdLink(r.ids.pmid, pubmed)}` : '',
  ].filter((line) => line !== '');
}

export function toMarkdown(item: PublishedSummary, disclaimer: string): string {
  const s = item.summary;
  const notice =
    item.provider === 'extractive'
      ? ["> **Note:** this text was extracted automatically from the article's abstract, not written as a plain-language summary.", '']
      : [];
  return [
    `# ${mdInline(s.headline)}`,
    '',
    `*Summary published ${shortDate(item.publishedAt)}*`,
    '',
    ...notice,
    mdRating('Credibility', s.ratings.credibility),
    '',
    mdRating('Interest', s.ratings.interest),
    '',
    '## Key Takeaway',
    '',
    mdInline(s.takeaway),
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
    ...s.caveats.map((c) => `- ${mdInline(c)}`),
    '',
    '## Article Topics',
    '',
    s.topics.map(mdInline).join(' · '),
    '',
    '## More Details',
    '',
    ...details(item),
    '',
    '---',
    '',
    mdParagraphs(disclaimer),
    '',
  ].join('\n');
}
