/**
 * The figures a sentence states, each with what kind of figure it is, so two
 * sentences can be compared figure by figure: a percentage, a share written
 * as a fraction ("15 of 22"), a natural frequency ("1 in 3") or words ("a
 * third"), a ratio ("39 times", "twice"), a duration with its unit ("6
 * months", "5-year"), money ("$58,067", "$US58,067"), a year, a count, or a
 * code kept as written ("p53", "CA19-9"). Number words become digits first
 * ("One hundred twenty-six" is 126), and each figure keeps its position, so
 * the checks can read the words around it (what it counts, which group).
 */
import { normalizeNumbers } from './number-tokens.ts';
import { NUMBER_PHRASE, phraseValue, SHARE_WORDS, SHARE_WORDS_RE } from './number-words.ts';

export type QuantityKind =
  | 'count'
  | 'percent'
  | 'fraction'
  | 'frequency'
  | 'share'
  | 'times'
  | 'duration'
  | 'money'
  | 'year'
  | 'code';

export interface Quantity {
  /** As written (after number words became digits): "15 of 22", "6 months", "39%". */
  raw: string;
  kind: QuantityKind;
  /** The number itself: 15 for "15 of 22", 6 for "6 months", 39 for "39 times"; NaN for a code. */
  value: number;
  /** For percent, fraction, frequency and share: the share in percent ("15 of 22" is 68.2). */
  share: number | null;
  /** Duration unit in days per unit ("month" is 30.44), else null. */
  unit: string | null;
  /** After "about", "nearly", "more than": a rounded figure. */
  approximate: boolean;
  /** Where it starts in `text` below. */
  at: number;
}

export interface SentenceFigures {
  /** The sentence as the figures were read from it (number words as digits, separators out). */
  text: string;
  quantities: Quantity[];
}

const DAYS: Record<string, number> = {
  second: 1 / 86400,
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.44,
  year: 365.25,
  decade: 3652.5,
};
const APPROX =
  /(?:about|around|approximately|nearly|almost|roughly|over|more than|less than|under|fewer than|up to|at least|close to|some|~|≈)\s*$/i;
const CODE = /(?<![\p{L}\d.])(?=[\p{L}\d-]*\p{L})(?=[\p{L}\d-]*\d)[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
const NUM = '(\\d+(?:\\.\\d+)?)';

/** "the second half of January", "the first third of the trial": a stretch of time, not a share. */
const PERIOD_BEFORE = /\b(?:first|second|third|latter|last|final|former|early|earlier|later)\s+$/i;
/** "twice a week", "three times daily": how often something is done (a count of times), not a ratio. */
const OFTEN =
  '\\s+(?:a|per|each|every)\\s+(?:day|night|week|month|year|session)|\\s+(?:daily|weekly|monthly|yearly|annually|nightly)';
const HOW_OFTEN = `(?!${OFTEN})`;

/**
 * Mixed numbers ("2 1/2 hours" is 2.5, not "1 of 2") and ranges with one
 * unit ("10-20%", "30 to 60%": both ends are percentages).
 */
function spellOut(text: string): string {
  return text
    .replace(/\b(\d+)[\s-]+(?:1\/2|½)(?![\d/])/g, (_, n: string) => `${n}.5`)
    .replace(/\b(\d+)[\s-]+(?:1\/4|¼)(?![\d/])/g, (_, n: string) => `${n}.25`)
    .replace(/\b(\d+)[\s-]+(?:3\/4|¾)(?![\d/])/g, (_, n: string) => `${n}.75`)
    .replace(/(?<![\d.])(\d+(?:\.\d+)?)(\s?(?:-|–|to)\s?)(?=\d+(?:\.\d+)?\s?%)/g, '$1%$2');
}

/** Number words as digits; "one" and "two" alone stay words ("one of the", "the two groups") unless a figure follows. */
function wordsToDigits(text: string): string {
  return text
    .replace(SHARE_WORDS_RE, (m, at: number, all: string) =>
      /^\s+of\b/.test(all.slice(at + m.length)) && !PERIOD_BEFORE.test(all.slice(0, at))
        ? `§${SHARE_WORDS[m.toLowerCase()]?.toFixed(4)}§`
        : m,
    )
    .replace(NUMBER_PHRASE, (m, at: number, all: string) => {
      const value = phraseValue(m);
      if (value === null) return m;
      const lone = /^(?:one|two|a)$/i.test(m.trim());
      const after = all.slice(at + m.length);
      if (
        lone &&
        !/^[- ](?:in |out of |times|fold|hours?|days?|weeks?|months?|years?|%|percent)/i.test(after)
      )
        return m;
      return String(value);
    });
}

/** Codes out of the way first (kept whole), then each pattern in turn, longest first; a matched span is blanked. */
const PATTERNS: ReadonlyArray<[QuantityKind, RegExp]> = [
  ['share', /§(\d+\.\d+)§/g],
  ['money', new RegExp(`(?:\\$|€|£)\\s?${NUM}(?:\\s?(?:million|billion|m|bn)\\b)?`, 'gi')],
  ['frequency', new RegExp(`\\b${NUM}\\s+(?:in|out of)\\s+(?:every\\s+)?${NUM}\\b(?!\\s*%)`, 'gi')],
  ['fraction', new RegExp(`\\b${NUM}\\s*(?:/|of|out of)\\s*${NUM}\\b(?!\\s*%|\\.\\d)`, 'gi')],
  ['percent', new RegExp(`${NUM}\\s?(?:%|percentage points?)`, 'gi')],
  ['count', new RegExp(`\\b(?:twice|${NUM}[- ]times)(?=${OFTEN})`, 'gi')],
  [
    'times',
    new RegExp(
      `${NUM}[- ]?(?:times|fold)\\b${HOW_OFTEN}|\\b(?:twice|double(?![- ]blind)|doubled|doubling|tripled?|halved)\\b${HOW_OFTEN}`,
      'gi',
    ),
  ],
  [
    'duration',
    new RegExp(
      `${NUM}(?:\\s?(?:-|–|to)\\s?\\d+(?:\\.\\d+)?)?[- ](seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|yrs?|mos?|decades?)(?:-old)?\\b`,
      'gi',
    ),
  ],
  ['year', /\b(19\d\d|20\d\d)\b/g],
  // A day of a month ("July 17", "March 14-19") is a date, read like a year: not a count of anything.
  [
    'year',
    /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:\s?[-–]\s?\d{1,2})?\b(?!\s*(?:%|percent|\d))/g,
  ],
  ['count', new RegExp(`(?<![\\d.])${NUM}`, 'g')],
];

const UNIT_NAMES: Record<string, string> = {
  second: 'second',
  sec: 'second',
  minute: 'minute',
  min: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  mo: 'month',
  year: 'year',
  yr: 'year',
  decade: 'decade',
};
const WORD_TIMES: Record<string, number> = {
  twice: 2,
  double: 2,
  doubled: 2,
  doubling: 2,
  triple: 3,
  tripled: 3,
  halved: 0.5,
};

function quantityFrom(kind: QuantityKind, m: RegExpMatchArray, text: string): Quantity | null {
  const at = m.index ?? 0;
  const approximate = APPROX.test(text.slice(Math.max(0, at - 20), at));
  const base = {
    raw: m[0].replace(/§(\d+\.\d+)§/, (_, v: string) => `${Math.round(Number(v))}% (in words)`),
    kind,
    approximate,
    at,
    share: null,
    unit: null,
  };
  const n1 = Number(m[1]);
  const n2 = Number(m[2]);
  switch (kind) {
    case 'share':
      return { ...base, value: n1, share: n1 };
    case 'frequency':
    case 'fraction':
      if (!(n2 > 0) || n1 > n2) return null;
      return { ...base, value: n1, share: (100 * n1) / n2 };
    case 'percent':
      return { ...base, value: n1, share: n1 };
    case 'times':
      return { ...base, value: m[1] ? n1 : (WORD_TIMES[m[0].toLowerCase()] ?? 2) };
    case 'duration': {
      const unit = UNIT_NAMES[(m[2] ?? '').toLowerCase().replace(/s$/, '')] ?? null;
      return { ...base, value: n1, unit };
    }
    default:
      // "twice a week" counts 2 times.
      return { ...base, value: m[1] === undefined ? 2 : n1 };
  }
}

export function sentenceFigures(sentence: string): SentenceFigures {
  const quantities: Quantity[] = [];
  let text = normalizeNumbers(
    sentence.replace(/(?:\bUS\$|\$US|\bUSD\s?|\bUS dollars?\s)/g, '$').replace(/[\u2010\u2011]/g, '-'),
  );
  text = spellOut(text.replace(/(\d)\s*(?:mg|kg|ml|mm|cm|km|mmhg|iu)\b/gi, '$1 '));
  // A subscript written in brackets is part of a name: "TCID(50)", "IC(50)" are TCID50 and IC50.
  text = text.replace(/(\p{Lu}{2,})\((\d+)\)/gu, '$1$2');
  let blanked = text.replace(CODE, (code, at: number) => {
    if (/^\d+(?:-\d+)*$/.test(code) || /^\d+(?:st|nd|rd|th|s)$/i.test(code)) return code;
    if (
      /^\d+-(?:seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|decades?|fold|times|old)$/i.test(
        code,
      )
    )
      return code;
    quantities.push({
      raw: code,
      kind: 'code',
      value: Number.NaN,
      share: null,
      unit: null,
      approximate: false,
      at,
    });
    return ' '.repeat(code.length);
  });
  const words = wordsToDigits(blanked);
  if (words !== blanked) text = blanked = words;
  for (const [kind, pattern] of PATTERNS) {
    blanked = blanked.replace(pattern, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpMatchArray;
      m.index = args.at(-2) as number;
      const q = quantityFrom(kind, m, text);
      if (!q) return args[0] as string;
      quantities.push(q);
      // A fraction's parts stay readable as counts: "15 of 22 patients" states 22 patients too.
      if (kind === 'fraction')
        return (args[0] as string)
          .replace(/[^\d.]/g, ' ')
          .replace(/^\d+(?:\.\d+)?/, (d) => ' '.repeat(d.length));
      return ' '.repeat((args[0] as string).length);
    });
  }
  return { text, quantities: quantities.sort((a, b) => a.at - b.at) };
}

/** A duration in days (for "24 months" against "2 years"). */
export function durationDays(q: Quantity): number | null {
  const per = q.unit ? DAYS[q.unit] : undefined;
  return per === undefined ? null : q.value * per;
}
