/**
 * Statistical significance read from the figures a results sentence states,
 * where it says no word about it: a p-value ("P = .31", "p>0.05", "NS") or
 * a confidence interval against its null value (1 for a ratio such as an
 * OR, RR, HR or IRR, 0 for a difference: "mean difference 0.4, 95% CI -0.2
 * to 1.0", "OR 1.2 (0.8-1.9)"). A sentence often reports several outcomes,
 * each with its own figures, so it is cut into segments, each ending with
 * the statistics that belong to it; the caller picks the segment about its
 * outcome.
 */

export interface Stat {
  /** As written: "P = .31", "95% CI -0.2 to 1.0". */
  raw: string;
  at: number;
  end: number;
  /** true: significant at 0.05; false: not; null: cannot tell (p = 0.05, p < 0.1, a CI touching its null). */
  significant: boolean | null;
}

const NUM = String.raw`[-−–+]?\s?\d*\.?\d+`;
const num = (s: string) => Number.parseFloat(s.replace(/[−–]/, '-').replace(/[\s+]/g, ''));

/** "P = .31", "p<0.001", "P-value of 0.4", "p > .05", "P = 1.2 × 10−4", "p=1.7.10-8". */
const P_VALUE =
  /\b[Pp](?:[\s-]*values?)?\s*(?:of\s+)?(<\s?or\s?=|>\s?or\s?=|<=|>=|==|[=<>≤≥]|less than|greater than|more than)\s*(\d*\.?\d+)(\s*[x×·.]\s*10\s*[-−–]\s*\d+|\s*[eE][-−–]\d+)?/g;
/** Said in letters: "NS", "n.s." (capitals only: "ns" may be a unit). */
const NOT_SIGNIFICANT = /\b(?:NS|N\.S\.|n\.s\.)(?![\w.])/g;
/** A confidence interval: "95% CI -0.2 to 1.0", "(95% CI: 0.8, 1.9)", "95% confidence interval (CI) [0.8-1.9]". */
const CI = new RegExp(
  String.raw`(?:\b\d{2}(?:\.\d)?\s?%\s*)?\b(?:CI|[Cc]onfidence [Ii]ntervals?)\b(?:\s*\(CI\))?[\s,:=]*(?:of\s+)?[([]?\s*(${NUM})\s*(?:to|,|;|-|–|—|−)\s*(${NUM})`,
  'g',
);
/** A ratio and its interval with no "CI" said: "OR 1.2 (0.8-1.9)", "HR = 0.91 [0.7, 1.2]". */
const RATIO_RANGE = new RegExp(
  String.raw`\b(?:a?OR|a?RR|a?HR|IRR|odds ratio|risk ratio|relative risk|hazard ratio|rate ratio)(?:\b|(?=\d))\s*[=:,]?\s*(?:of\s+)?\d*\.?\d+\s*[([]\s*(${NUM})\s*(?:to|,|;|-|–|—|−)\s*(${NUM})\s*[)\]]`,
  'g',
);
const RATIO = /\b(?:a?OR|a?RR|a?HR|IRR)(?:\b|(?=\d))|\b(?:ratio|relative risk)\b/;
const DIFFERENCE = /\b(?:difference|MD|WMD|SMD|change|effect|beta|β|reduction|increase|decrease)\b/i;

function pSignificant(written: string, value: number): boolean | null {
  const op = written.replace(/\s/g, '');
  if (/^(?:<|≤|lessthan)/.test(op)) return value <= 0.05 ? true : null;
  if (/^(?:>|≥|greaterthan|morethan)/.test(op)) return value >= 0.05 ? false : null;
  if (value > 1) return null;
  if (value < 0.05) return true;
  return value > 0.05 ? false : null;
}

/** The null value an interval is read against: from the words just before it, else unknown. */
function nullValue(before: string): number | null {
  const near = before.slice(-60);
  if (RATIO.test(near)) return 1;
  if (DIFFERENCE.test(near)) return 0;
  return null;
}

/**
 * Against its null value when known. Otherwise the signs tell: an interval
 * with a negative end is a difference (no ratio, rate or count is below 0),
 * so it is read against 0; one with both ends positive cannot be read.
 */
function intervalSignificant(lo: number, hi: number, known: number | null): boolean | null {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  const against = known ?? (a < 0 ? 0 : null);
  if (against === null) return null;
  if (a < against && against < b) return false;
  return a > against || b < against ? true : null;
}

/** Every p-value, "NS" and confidence interval the sentence states, in order. */
export function stats(text: string): Stat[] {
  const out: Stat[] = [];
  for (const m of text.matchAll(P_VALUE)) {
    const [, op = '=', digits = '', power] = m;
    const value = power ? 0 : Number.parseFloat(digits);
    out.push({ raw: m[0], at: m.index, end: m.index + m[0].length, significant: pSignificant(op, value) });
  }
  for (const m of text.matchAll(NOT_SIGNIFICANT))
    out.push({ raw: m[0], at: m.index, end: m.index + m[0].length, significant: false });
  for (const re of [CI, RATIO_RANGE]) {
    for (const m of text.matchAll(re)) {
      if (out.some((s) => s.at < m.index + m[0].length && m.index < s.end)) continue;
      const against = re === RATIO_RANGE ? 1 : nullValue(text.slice(0, m.index));
      const significant = intervalSignificant(num(m[1] ?? ''), num(m[2] ?? ''), against);
      out.push({ raw: m[0], at: m.index, end: m.index + m[0].length, significant });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export interface StatSegment {
  /** The words the statistics report on, with the statistics. */
  text: string;
  stats: Stat[];
}

/** Where the bracket holding `at` closes, or `at` itself outside brackets. */
function groupEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  return at;
}

/**
 * The sentence cut after each group of statistics: statistics in one
 * bracket, or with no words between them ("95% CI 0.8-1.9, P = .4"), are
 * one group; the words before a group, back to the previous one, are what
 * it reports on. Words after the last group belong to it ("P = .31 for
 * visits"). Empty when the sentence states no statistics.
 */
export function statSegments(text: string): StatSegment[] {
  const out: StatSegment[] = [];
  let start = 0;
  let current: StatSegment | null = null;
  let currentEnd = 0;
  for (const s of stats(text)) {
    const between = text.slice(currentEnd, s.at);
    if (
      current &&
      (s.at < currentEnd || !/[\p{L}]{3,}/u.test(between.replace(/\b(?:and|or|for|vs)\b/g, '')))
    ) {
      current.stats.push(s);
      currentEnd = Math.max(currentEnd, groupEnd(text, s.end));
      current.text = text.slice(start, currentEnd);
      continue;
    }
    if (current) start = currentEnd;
    currentEnd = groupEnd(text, s.end);
    current = { text: text.slice(start, currentEnd), stats: [s] };
    out.push(current);
  }
  if (current) current.text += text.slice(currentEnd);
  return out;
}

/**
 * A change within each group ("reduced from baseline in both groups (P <
 * .001)") or a comparison before treatment ("groups did not differ at
 * baseline (P > .05)") says nothing about the difference the trial found.
 */
const NOT_BETWEEN =
  /\b(?:within[- ]groups?|from baseline|in both (?:groups|arms)|in (?:all|each) (?:groups?|arms?)|at baseline|baseline (?:characteristics|values|data|levels)|before (?:the )?(?:intervention|treatment|randomi[sz]ation|surgery)|pre-?(?:intervention|treatment|randomi[sz]ation))\b/i;

/**
 * A segment's verdict: significant when any of its statistics is, not when
 * those that can be read all are not (an interval around a mean beside its
 * p-value cannot be read and does not count), else unknown; unknown for a
 * change within groups or a comparison before treatment.
 */
export function segmentSignificant(segment: StatSegment): boolean | null {
  if (NOT_BETWEEN.test(segment.text)) return null;
  if (segment.stats.some((s) => s.significant === true)) return true;
  return segment.stats.some((s) => s.significant === false) ? false : null;
}
