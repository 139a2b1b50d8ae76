/**
 * The summary of a feed item: the abstract when the feed carries one, from
 * whichever field holds it. Publishers differ: PubMed truncates
 * `description` ("...", or to its first paragraph) but puts the whole
 * abstract in `content:encoded`, framed by a citation line and a PMID/DOI
 * footer; Nature puts a "Published online ... doi:" line before a teaser that
 * may just repeat the title; Wiley (Atypon) puts a citation line ("TAXON,
 * EarlyView.") in `description` and the abstract in `dc:description` and
 * `content:encoded` under an "Abstract" heading; ScienceDirect sends only
 * "Publication date… Source… Author(s)…"; Taylor & Francis only "Volume 56,
 * Issue 3…". Frames are dropped, and a field that does not read as an
 * abstract (a citation line, a list of names) is not one: such an item has
 * no summary, and the paper's abstract is looked up by its DOI instead.
 */
import { htmlToLine, htmlToText } from './html.ts';

const TRUNCATED = /(?:\.\.\.|…)\s*$/;

/** Lines that describe where the paper is, not what it says. */
function isFrameLine(line: string): boolean {
  if (/^(?:PMID|PMCID|PMC|DOI)\s*:/i.test(line)) return true;
  if (/^(?:abstract|summary)[:.]?$/i.test(line)) return true;
  if (/^(?:Publication date|Source|Author\(s\)|Authors?)\s*:/i.test(line)) return true; // ScienceDirect
  if (/^The post .+ (?:first )?appeared (?:first )?on .+\.$/i.test(line)) return true; // WordPress footer
  return line.length < 300 && /\bdoi:\s*10\.\d{4,9}\//i.test(line); // citation line
}

/** "TAXON, Volume 70, Issue 6, Page 1352-1359, December 2021.", "TAXON, EarlyView.", "Volume 56, Issue 3…". */
const CITATION =
  /\b(?:Vol(?:ume)?\.?\s*\d+|Issue\s*\d+|Pages?\s*\d+|pp\.\s*\d+|Early\s?View|ahead of print|online first|in press)\b/i;

/**
 * Whether plain text reads as prose rather than a citation or a list of
 * names: enough words, and in scripts with letter case, a fair share of them
 * in lower case (names and citations are capitalized throughout).
 */
export function readsAsProse(text: string): boolean {
  if (text.length < 300 && CITATION.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const lower = words.filter((w) => /^\P{L}*\p{Ll}/u.test(w)).length;
  const upper = words.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length;
  if (lower + upper < 5) return text.replace(/\s+/g, '').length >= 30; // scripts without case (CJK)
  return words.length >= 8 && lower / (lower + upper) >= 0.3;
}

function clean(html: string | undefined): string | null {
  if (!html) return null;
  // A plain-text heading on its own line (Wiley's dc:description) would run into the text below it.
  const text = htmlToText(html.replace(/^\s*(?:abstract|summary)\s*[:.]?[ \t]*\r?\n/i, ''))
    .split('\n')
    .filter((line) => !isFrameLine(line))
    .join('\n')
    .replace(/^abstract\s*[:.]\s*/i, '')
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
 * The item's summary as plain text, or null when no field reads as an
 * abstract (or the only one repeats the title). Fields are tried in the
 * order given (description, dc:description, content); a cut-down excerpt
 * (PubMed's first paragraph, or one ending in "...") loses to a fuller field.
 */
export function pickSummary(candidates: ReadonlyArray<string | undefined>, title: string): string | null {
  const heading = comparable(htmlToLine(title));
  const texts = candidates
    .map(clean)
    .filter((t): t is string => t !== null && comparable(t) !== heading && readsAsProse(t));
  let summary = texts[0] ?? null;
  for (const other of texts.slice(1)) {
    if (
      summary &&
      (isExcerptOf(summary, other) || (TRUNCATED.test(summary) && other.length > summary.length))
    )
      summary = other;
  }
  return summary;
}
