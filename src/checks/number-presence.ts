/**
 * Numbers the source does not state may be invented. Every figure in every
 * field a reader sees (rating rationales too) must be a number of the source,
 * matched by value and never inside another number ("84" is not in "3849");
 * a rounded figure after "about" may differ by rounding; a natural frequency
 * ("about 1 in 5", "one in five") must match a percentage or proportion of
 * the source. Codes ("p53", "CA19-9") must appear as written.
 */
import type { CheckResult } from '../domain/draft.ts';
import { type NumberToken, numberTokens, wordValue } from '../text/number-tokens.ts';
import { type CheckInput, listFew, readerFields, result, sourceText } from './context.ts';

const FREQUENCY =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out of)\s+(?:every\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|a hundred|a thousand|\d+ ?000)\b/gi;

const asNumber = (w: string) =>
  /^\d/.test(w) ? Number(w.replace(/\D/g, '')) : wordValue(w.replace(/^a /, 'one '));

export interface SourceFigures {
  values: number[];
  codes: Set<string>;
  /** Percentages, and proportions "x of y", "x/y" as percentages. */
  shares: number[];
}

export function sourceFigures(text: string, year: string | null = null): SourceFigures {
  const tokens = numberTokens(text);
  const values = tokens.flatMap((t) => (t.value === null ? [] : [t.value]));
  if (year) values.push(Number(year.slice(0, 4)));
  const codes = new Set(tokens.filter((t) => t.value === null).map((t) => t.raw.toLowerCase()));
  const shares = [...text.matchAll(/(\d+(?:[.·]\d+)?)\s*(?:%|per ?cent)/gi)].map((m) =>
    Number((m[1] ?? '').replace('·', '.')),
  );
  for (const m of text.replace(/(\d),(?=\d{3})/g, '$1').matchAll(/\b(\d+)\s*(?:\/|of|out of)\s*(\d+)\b/g)) {
    const [k, n] = [Number(m[1]), Number(m[2])];
    if (n > 0 && k <= n) shares.push((100 * k) / n);
  }
  return { values, codes, shares };
}

function matches(token: NumberToken, source: SourceFigures): boolean {
  if (token.value === null) return source.codes.has(token.raw.toLowerCase());
  const v = token.value;
  if (source.values.some((s) => s === v)) return true;
  if (!token.approximate) return false;
  // "about 34%" for 34.4%, "nearly 3000" for 2,971: within rounding.
  return source.values.some((s) => Math.abs(s - v) <= Math.max(1, Math.abs(s) * 0.05));
}

/** The natural frequencies in a text ("1 in 5" = 20) and the numbers they are written with. */
function frequencies(text: string): Array<{ share: number; raw: string[] }> {
  return [...text.matchAll(FREQUENCY)].flatMap((m) => {
    const [k, n] = [asNumber(m[1] ?? ''), asNumber((m[2] ?? '').replace(/ /g, ''))];
    return k !== null && n ? [{ share: (100 * k) / n, raw: [m[1] ?? '', m[2] ?? ''] }] : [];
  });
}

function frequencyFits(share: number, source: SourceFigures): boolean {
  return source.shares.some((s) => Math.abs(s - share) <= Math.max(2.5, share * 0.15));
}

/** Figures in the draft that the source does not state, each with its field. */
export function unsupportedNumbers(
  fields: ReadonlyArray<{ field: string; text: string }>,
  source: SourceFigures,
): string[] {
  const missing = new Set<string>();
  for (const { text } of fields) {
    const accepted = new Set<string>();
    for (const f of frequencies(text))
      if (frequencyFits(f.share, source)) for (const r of f.raw) accepted.add(r.toLowerCase());
    for (const token of numberTokens(text)) {
      if (accepted.has(token.raw.toLowerCase()) || matches(token, source)) continue;
      missing.add(token.raw);
    }
  }
  return [...missing];
}
