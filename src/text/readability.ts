/**
 * Reading-level formulas on plain text: the Flesch-Kincaid grade (counted the
 * way Debian's Lingua::EN::Fathom counts, so the two agree: words are runs of
 * letters with a vowel, numbers and codes like "p53" are not words) and the
 * share of words outside the New Dale-Chall list of familiar words (the
 * `dale-chall` package), which separates lay summaries from their sources
 * better than Flesch-Kincaid does (see `npm run eval`).
 */
import { daleChall } from 'dale-chall';
import { syllable } from 'syllable';
import { sentences } from './sentences.ts';

const FAMILIAR = new Set(daleChall);

/**
 * A bounded memo for the pure functions below: a draft's checks and its
 * simplify decision read the same prose, and a corpus repeats its words, so
 * counting syllables (the `syllable` package, with pluralize) and trying
 * inflections once per word is most of the cost saved. Emptied when full.
 */
function memo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

const syllablesOf = memo(50_000, syllable);

/** Words as Fathom counts them: letters (with ' and -), at least one vowel; "be-bop" style hyphens only. */
export function readingWords(text: string): string[] {
  return (text.match(/\b[a-z][-'a-z]*\b/gi) ?? []).filter(
    (w) => /[aeiouy]/i.test(w) && (!w.includes('-') || /[a-z]{2,}-[a-z]{2,}/i.test(w)),
  );
}

export interface ReadingFigures {
  words: number;
  sentences: number;
  /** Flesch-Kincaid grade level (US school grade). */
  grade: number;
  /** Share of words (0-1) not on the Dale-Chall familiar list, regular inflections allowed. */
  hardWordShare: number;
}

function computeFigures(text: string): ReadingFigures {
  const words = readingWords(text);
  const count = sentences(text).length;
  if (count === 0 || words.length === 0) return { words: 0, sentences: 0, grade: 0, hardWordShare: 0 };
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllablesOf(w)), 0);
  const grade = 0.39 * (words.length / count) + 11.8 * (syllables / words.length) - 15.59;
  const hard = words.filter((w) => !isFamiliar(w)).length;
  return { words: words.length, sentences: count, grade, hardWordShare: hard / words.length };
}

const figuresOfText = memo(256, computeFigures);

export function readingFigures(text: string): ReadingFigures {
  return { ...figuresOfText(text) };
}

export function fleschKincaidGrade(text: string): number {
  return readingFigures(text).grade;
}

/** Is the word on the Dale-Chall list, directly or as a regular inflection (-s, -es, -ed, -ing, -er, -est, -ly)? */
export function isFamiliar(word: string): boolean {
  return familiar(word);
}

const familiar = memo(50_000, (word: string): boolean => {
  const w = word.toLowerCase().replace(/'s$/, '');
  if (FAMILIAR.has(w)) return true;
  if (w.includes('-')) return w.split('-').every((part) => part.length > 0 && isFamiliar(part));
  const stems = [
    w.replace(/ies$/, 'y'),
    w.replace(/es$/, ''),
    w.replace(/s$/, ''),
    w.replace(/ied$/, 'y'),
    w.replace(/ed$/, ''),
    w.replace(/d$/, ''),
    w.replace(/ing$/, ''),
    w.replace(/ing$/, 'e'),
    w.replace(/(.)\1ing$/, '$1'),
    w.replace(/(.)\1ed$/, '$1'),
    w.replace(/er$/, ''),
    w.replace(/est$/, ''),
    w.replace(/ly$/, ''),
  ];
  return stems.some((s) => s !== w && s.length > 1 && FAMILIAR.has(s));
});

/** The sentences over `maxWords` words, longest first. */
export function longSentences(text: string, maxWords: number): string[] {
  return sentences(text)
    .map((s) => ({ s, n: readingWords(s).length }))
    .filter((x) => x.n > maxWords)
    .sort((a, b) => b.n - a.n)
    .map((x) => x.s);
}

/** Unfamiliar words of three or more syllables, most frequent first (what a simplify pass should replace). */
export function hardWords(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const w of readingWords(text)) {
    const lower = w.toLowerCase();
    if (!isFamiliar(lower) && syllablesOf(lower) >= 3) counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([w]) => w);
}
