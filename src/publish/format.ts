/**
 * Small text formats shared by pages, feeds and Markdown. Dates are read from
 * their parts (never through the local time zone), so "2018-08" never shows
 * as July 31 on a server west of Greenwich.
 */
import { type DateParts, partialDateParts } from '../text/dates.ts';
import type { PublishedSummary } from './published.ts';

/** Parts of a PubMed-style partial date (YYYY, YYYY-MM, YYYY-MM-DD) or an ISO date-time (in UTC). */
export function dateParts(value: string | null | undefined): DateParts | null {
  if (!value) return null;
  const partial = partialDateParts(value);
  if (partial) return partial;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const d = new Date(time);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A date in the site's locale (SITE_LOCALE, through Intl.DateTimeFormat, read
 * in UTC so the calendar day never shifts), only as precise as the source: a
 * month without a day never gets an invented day, a bare year stays a year.
 */
function localDate(value: string | null | undefined, locale: string, month: 'short' | 'long'): string {
  const p = dateParts(value);
  if (!p) return '';
  if (p.month === null) return String(p.year);
  const at = new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1));
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month,
    ...(p.day === null ? {} : { day: 'numeric' }),
  });
  return format.format(at);
}

/** "Aug 29, 2018" (en-US), "29 Aug 2018" (en-GB), "Aug 2018" for a month alone. */
export function shortDate(value: string | null | undefined, locale = DEFAULT_LOCALE): string {
  return localDate(value, locale, 'short');
}

/** "August 29, 2018", "August 2018" or "2018" (en-US): only as precise as the source. */
export function longDate(value: string | null | undefined, locale = DEFAULT_LOCALE): string {
  return localDate(value, locale, 'long');
}

/** The published site's locale when SITE_LOCALE is not set. */
export const DEFAULT_LOCALE = 'en-US';

/** The date a reader cares about on a card: the article's, else when we published the summary. */
export function articleDate(item: PublishedSummary): string {
  return item.record.publishedAt ?? item.publishedAt;
}

/** Up to four names in full; a longer list as "A, B, C, et al." ("et al." must save more than one name). */
export function shortAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= max + 1) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')}, et al.`;
}

/** The blank-line separated paragraphs of a text (a reviewer's edit may have several), trimmed, none empty. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** About the first `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 100): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`;
}

/** An ISO date-time for feeds: RFC 3339 in UTC. Falls back to the input when it cannot be read. */
export function isoDateTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
