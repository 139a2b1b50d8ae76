/**
 * Partial dates: the `YYYY`, `YYYY-MM` or `YYYY-MM-DD` a paper record keeps,
 * as precise as the source is and never more. Every source gives its date in
 * pieces (PubMed's Year/Month/Day, Crossref's date-parts, a feed's RFC 822
 * string, Europe PMC's ISO date); they all go through partialDate, so a date
 * LaySum stores is a real calendar date with a plausible year. Months are
 * numbers or English names ("Jun", "June", "Sept."). We keep the calendar
 * date the publisher wrote, without shifting it to UTC.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** One piece as sources give it: a number, digits or a month name; empty or missing is absent. */
export type DatePart = number | string | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');
const absent = (part: DatePart): part is null | undefined | '' =>
  part === null || part === undefined || (typeof part === 'string' && part.trim() === '');

function integer(part: DatePart): number | null {
  if (typeof part === 'number') return Number.isInteger(part) ? part : null;
  const text = part?.trim() ?? '';
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/** 1-12 from 6, "06", "Jun", "June" or "Sept." (at least three letters of an English month name). */
export function monthNumber(part: DatePart): number | null {
  const n = integer(part);
  if (n !== null) return n >= 1 && n <= 12 ? n : null;
  const word = typeof part === 'string' ? part.trim().replace(/\.$/, '').toLowerCase() : '';
  if (!/^[a-z]{3,9}$/.test(word)) return null;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
  return index < 0 ? null : index + 1;
}

function realDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when every part given is valid (a year
 * from 1000 to 2999, a month, a day that exists in that month); null otherwise.
 */
export function partialDate(year: DatePart, month?: DatePart, day?: DatePart): string | null {
  const y = integer(year);
  if (y === null || y < 1000 || y > 2999) return null;
  if (absent(month)) return absent(day) ? String(y) : null;
  const m = monthNumber(month);
  if (m === null) return null;
  if (absent(day)) return `${y}-${pad(m)}`;
  const d = integer(day);
  return d !== null && realDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** The most precise date the parts allow: a bad month leaves the year, an impossible day the month. */
export function mostPreciseDate(year: DatePart, month?: DatePart, day?: DatePart): string | null {
  return partialDate(year, month, day) ?? partialDate(year, month) ?? partialDate(year);
}

const NUMERIC = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?!\d)/;
const DAY_MONTH_YEAR = /\b(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/;

/**
 * A partial date from a date string: ISO 8601 and W3C-DTF with odd zones
 * (`2018-12-17-08:00`), RFC 822 (`Mon, 13 Dec 2021 06:00:00 -0500`), what a
 * CMS prints (`2021/10/16 9:23:28`, `December 13, 2021`, `Dec 2021`). Null
 * rather than a wild guess: `2021/13/45` is not a date.
 */
export function partialDateFromText(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const numeric = NUMERIC.exec(text);
  if (numeric) return partialDate(numeric[1], numeric[2], numeric[3]);
  // A pattern whose month word is a month decides, even when its day does not exist.
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && monthNumber(dmy[2])) return partialDate(dmy[3], dmy[2], dmy[1]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy && monthNumber(mdy[1])) return partialDate(mdy[3], mdy[1], mdy[2]);
  const my = MONTH_YEAR.exec(text);
  return my ? partialDate(my[2], my[1]) : null;
}

export interface DateParts {
  year: number;
  month: number | null; // 1-12
  day: number | null;
}

/** The parts of a stored partial date (exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null. */
export function partialDateParts(value: string): DateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : null;
  return { year: Number(match[1]), month, day: match[3] ? Number(match[3]) : null };
}
