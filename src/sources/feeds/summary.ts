/**
 * The summary of a feed item: the abstract when the feed carries one. PubMed
 * truncates `description` ("...", or to its first paragraph) but puts the whole abstract in
 * `content:encoded`, framed by a citation line and a PMID/DOI footer; Nature
 * puts a "Published online ... doi:" line before a teaser that may just repeat
 * the title. Those frames are dropped so only text about the paper remains.
 */
import { htmlToLine, htmlToText } from './html.ts';

const TRUNCATED = /(?:\.\.\.|…)\s*$/;

/** Lines that describe where the paper is, not what it says. */
function isFrameLine(line: string): boolean {
  if (/^(?:PMID|PMCID|PMC|DOI)\s*:/i.test(line)) return true;
  if (/^(?:abstract|summary)[:.]?$/i.test(line)) return true;
  if (/^The post .+ (?:first )?appeared (?:first )?on .+\.$/i.test(line)) return true; // WordPress footer
  return line.length < 300 && /\bdoi:\s*10\.\d{4,9}\//i.test(line); // citation line
}

function clean(html: string | undefined): string | null {
  if (!html) return null;
  const text = htmlToText(html)
    .split('\n')
    .filter((line) => !isFrameLine(line))
    .join('\n')
    .trim();
  return text.length > 0 ? text : null;
}

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether `excerpt` (minus a trailing ellipsis) is the start of `full`. */
function isExcerptOf(excerpt: string, full: string): boolean {
  const head = comparable(excerpt.replace(TRUNCATED, ''));
  const whole = comparable(full);
  return head.length > 0 && whole.length > head.length && whole.startsWith(head);
}

/**
 * The item's summary as plain text, or null when the feed has none (or only
 * repeats the title). A description that is a cut-down excerpt of the full
 * content (PubMed gives the first paragraph, or ends it with "...") loses to
 * the content.
 */
export function pickSummary(
  description: string | undefined,
  content: string | undefined,
  title: string,
): string | null {
  const fromDescription = clean(description);
  const fromContent = clean(content);
  let summary = fromDescription ?? fromContent;
  if (
    fromDescription &&
    fromContent &&
    (isExcerptOf(fromDescription, fromContent) || TRUNCATED.test(fromDescription))
  ) {
    summary = fromContent;
  }
  if (summary === null) return null;
  return comparable(summary) === comparable(htmlToLine(title)) ? null : summary;
}
