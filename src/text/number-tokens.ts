/**
 * The numbers a text states, normalized so the same figure matches however it
 * is written: thousands separators ("3,849", "3 849"), middle-dot decimals
 * ("34·4"), number words ("Twenty-two", "three hundred"), and codes that
 * carry digits ("p53", "CA19-9", "BxPC-3", "COVID-19") kept whole. Used by the
 * numbers check and by the simplify pass to see that no figure was lost.
 */
import { phraseValue } from './number-words.ts';

export interface NumberToken {
  /** As written in the text: "22", "Twenty-two", "34·4", "CA19-9". */
  raw: string;
  /** The value, or null for a code (compared as text). */
  value: number | null;
  /** Preceded by "about", "nearly", "more than"...: a rounded figure. */
  approximate: boolean;
}

/** "one" and "two" are left out on purpose: "one of the", "the two groups" are rarely figures. */
const SMALL_WORDS =
  'zero|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TEN_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const NUMBER_WORDS = new RegExp(
  `\\b(?:(?:${TEN_WORDS})(?:[- ](?:one|two|${SMALL_WORDS}))?|${SMALL_WORDS})(?: (?:hundred|thousand|million))?\\b`,
  'gi',
);

/** The value of a number phrase made of words ("twenty-two", "three hundred"). */
export const wordValue = phraseValue;

const APPROX =
  /(?:about|around|approximately|nearly|almost|roughly|some|over|more than|less than|under|fewer than|up to|at least|close to|~)\s*$/i;
/** A code: letters and digits in one token ("p53", "CA19-9", "H2A", "SARS-CoV-2", "IL-6"). */
const CODE = /(?<![\p{L}\d])(?=[\p{L}\d-]*\p{L})(?=[\p{L}\d-]*\d)[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
/** After normalizeNumbers: "3849", "34.4", "0.032". */
const NUMERAL = /(?<![\p{L}\d.])\d+(?:\.\d+)?/gu;

/** Thousands separators out, middle dots and "per cent" normalized. */
export function normalizeNumbers(text: string): string {
  return text
    .replace(/(\d)(?:,|\u2009|\u202f|\u00a0| )(?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)·(?=\d)/g, '$1.')
    .replace(/\s*(?:per ?cent|percent)\b/gi, '%');
}

/** Every number and digit-bearing code in the text. */
export function numberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const approx = (at: number, src: string) => APPROX.test(src.slice(Math.max(0, at - 20), at));
  let rest = text.replace(CODE, (code, at: number) => {
    if (/^\d+(?:-\d+)*$/.test(code)) return code; // a plain number or range, not a code
    if (/^\d+(?:st|nd|rd|th|s)$/i.test(code)) return code.replace(/\D+$/, ''); // 1st, 1990s
    if (/^\d+(?:mg|kg|g|ml|mm|cm|km|h|min|y|yr|yrs|mmhg|iu)$/i.test(code)) return code.replace(/\D+$/, ' ');
    tokens.push({ raw: code, value: null, approximate: approx(at, text) });
    return ' '.repeat(code.length);
  });
  rest = normalizeNumbers(rest);
  for (const m of rest.matchAll(NUMERAL)) {
    tokens.push({
      raw: m[0],
      value: Number(m[0].replace(/[^\d.]/g, '')),
      approximate: approx(m.index, rest),
    });
  }
  for (const m of rest.matchAll(NUMBER_WORDS)) {
    const value = wordValue(m[0]);
    if (value !== null) tokens.push({ raw: m[0], value, approximate: approx(m.index, rest) });
  }
  return tokens;
}
