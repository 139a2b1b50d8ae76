/**
 * Is a figure of a draft sentence the same as a figure of a source sentence?
 * 'same' when it states the same thing however written: a percentage and the
 * fraction or natural frequency it rounds to ("15 of 22" is 68%, "about 1 in
 * 3" is 33%), "39% higher" and a ratio of 1.39, "twice" and 100% higher or
 * 20% against 10%, "24 months" and "2 years", "$58,067" and "$US58,067", a
 * rounded figure after "about". 'near' when the number is there but as
 * something else ("6 years" for "6 months", "39 times" for "39%", "15%" for
 * "15 of 22"): the `differs` words say how.
 */
import { durationDays, type Quantity } from '../text/quantities.ts';

export type FigureMatch = { kind: 'same' } | { kind: 'near'; differs: string } | null;

const SHARES = new Set(['percent', 'fraction', 'frequency', 'share']);
const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

/** Rounded as written: "34%" states 34.4%, "3.5" states 3.46. */
function rounds(draft: Quantity, source: number): boolean {
  const decimals = draft.raw.match(/\.(\d+)/)?.[1]?.length ?? 0;
  return Number(source.toFixed(decimals)) === draft.value || close(draft.value, source, 1e-9);
}

/**
 * A round number of thousands states a figure rounded to its last non-zero
 * digit ("122,000" for 122 300, "130,000" for 133,589), when that is within a
 * tenth of it ("20,000" does not round 16,025).
 */
function roundedThousands(d: Quantity, source: number): boolean {
  if (!Number.isInteger(d.value) || d.value < 1000) return false;
  const zeros = /0+$/.exec(String(d.value))?.[0].length ?? 0;
  const step = 10 ** zeros;
  return zeros >= 2 && Math.round(source / step) * step === d.value && close(d.value, source, source * 0.1);
}

function sameValue(d: Quantity, s: Quantity): boolean {
  if (rounds(d, s.value) || roundedThousands(d, s.value)) return true;
  return d.approximate && close(d.value, s.value, Math.max(1, Math.abs(s.value) * 0.05));
}

function shareMatch(d: Quantity, s: Quantity): boolean {
  const [a, b] = [d.share ?? Number.NaN, s.share ?? Number.NaN];
  if (d.kind === 'frequency' || d.kind === 'share') return close(a, b, Math.max(2.5, a * 0.15));
  if (d.kind === 'fraction')
    return s.kind === 'fraction' ? d.value === s.value && close(a, b, 0.5) : close(a, b, 1);
  // A percentage: as written, rounded, or "about".
  return rounds(d, b) || (d.approximate && close(a, b, Math.max(1, b * 0.05)));
}

/** "39% higher" against a ratio of 1.39, "39% lower" against 0.61. */
function percentAsRatio(d: Quantity, s: Quantity): boolean {
  if (s.kind !== 'count' || !(s.value > 0 && s.value < 20) || Number.isInteger(s.value)) return false;
  return close(1 + d.value / 100, s.value, 0.006) || close(1 - d.value / 100, s.value, 0.006);
}

function timesMatch(d: Quantity, s: Quantity): boolean {
  if (s.kind === 'times') return close(d.value, s.value, d.approximate ? 0.1 * s.value : 0.05);
  if (s.kind === 'count' && !Number.isInteger(s.value)) return close(d.value, s.value, 0.05); // "2.1 times" for OR 2.1
  if (s.kind === 'percent') return close(1 + s.value / 100, d.value, 0.05 * d.value); // "twice" for 100% higher
  return false;
}

export function matchFigure(d: Quantity, s: Quantity): FigureMatch {
  const same = { kind: 'same' } as const;
  const near = (differs: string) => ({ kind: 'near', differs }) as const;
  if (d.kind === 'code' || s.kind === 'code')
    return d.kind === s.kind && d.raw.toLowerCase() === s.raw.toLowerCase() ? same : null;
  if (SHARES.has(d.kind)) {
    if (s.share !== null && shareMatch(d, s)) return same;
    if (d.kind === 'percent' && percentAsRatio(d, s)) return same;
    if (d.kind === 'percent' && s.kind === 'times' && d.value === s.value)
      return near(`"${d.raw}" where the source says "${s.raw}" (times, not percent)`);
    if (d.kind === 'percent' && d.value === s.value && s.share === null && s.kind !== 'year')
      return near(`"${d.raw}" where the source says "${s.raw}", not a percentage`);
    if (d.kind === 'percent' && s.kind === 'fraction' && d.value === s.value)
      return near(`"${d.raw}" where the source says "${s.raw}" (${Math.round(s.share ?? 0)}%)`);
    return null;
  }
  if (d.kind === 'times') {
    if (timesMatch(d, s)) return same;
    if (s.kind === 'percent' && d.value === s.value)
      return near(
        `"${d.raw}" where the source says "${s.raw}" (${(1 + s.value / 100).toFixed(2)} times, not ${d.value})`,
      );
    return null;
  }
  if (d.kind === 'duration') {
    const [a, b] = [durationDays(d), durationDays(s)];
    if (b !== null && a !== null) {
      // Within a day, or within the smaller unit's size for hours, minutes and seconds.
      const grain = Math.min(1, d.value ? a / d.value : 1, s.value ? b / s.value : 1);
      if (close(a, b, Math.max(grain, b * (d.approximate ? 0.1 : 0.02)))) return same;
      return d.value === s.value ? near(`"${d.raw}" where the source says "${s.raw}"`) : null;
    }
    return sameValue(d, s) && s.kind !== 'percent' ? same : null;
  }
  if (!sameValue(d, s)) return null;
  if (s.kind === 'percent') return near(`"${d.raw}" where the source says "${s.raw}"`);
  if (s.kind === 'duration' && d.kind === 'count') return same;
  return same;
}
