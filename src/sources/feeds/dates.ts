/**
 * Feed dates come as RFC 822 (`Mon, 13 Dec 2021 06:00:00 -0500`), ISO 8601,
 * W3C-DTF with odd zones (`2018-12-17-08:00`) or whatever a CMS prints
 * (`2021/10/16 9:23:28`). We keep the calendar date the publisher wrote,
 * without shifting it to UTC, and give up (null) rather than guess wildly.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when the parts make a real date. */
function isoOf(year: number, month?: number | null, day?: number | null): string | null {
  if (year < 1000 || year > 2999) return null;
  if (month === undefined || month === null) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined || day === null) return `${year}-${pad(month)}`;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const NUMERIC = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?!\d)/;
const DAY_MONTH_YEAR = /\b(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/;

/** Best-effort ISO date (YYYY[-MM[-DD]]) from a feed date string, or null. */
export function feedDateToIso(raw: string | undefined | null): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, y, m, d] = numeric;
    return isoOf(Number(y), m === undefined ? null : Number(m), d === undefined ? null : Number(d));
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  const dmyMonth = dmy ? monthNumber(dmy[2] ?? '') : null;
  if (dmy && dmyMonth) return isoOf(Number(dmy[3]), dmyMonth, Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(text);
  const mdyMonth = mdy ? monthNumber(mdy[1] ?? '') : null;
  if (mdy && mdyMonth) return isoOf(Number(mdy[3]), mdyMonth, Number(mdy[2]));
  const my = MONTH_YEAR.exec(text);
  const myMonth = my ? monthNumber(my[1] ?? '') : null;
  if (my && myMonth) return isoOf(Number(my[2]), myMonth);
  return null;
}

/** The first candidate that gives a date. */
export function firstFeedDate(candidates: ReadonlyArray<string | undefined | null>): string | null {
  for (const candidate of candidates) {
    const iso = feedDateToIso(candidate);
    if (iso) return iso;
  }
  return null;
}
