/**
 * Reading level against the site's target grade (READING_TARGET_GRADE,
 * default 8; MedlinePlus aims at 6-7): the Flesch-Kincaid grade and the share
 * of words outside the Dale-Chall familiar list, with the longest sentences
 * and hardest words named so the writer knows what to change.
 */
import type { CheckResult } from '../domain/draft.ts';
import { hardWords, longSentences, readingFigures } from '../text/readability.ts';
import { type CheckInput, layProse, listFew, result } from './context.ts';

/** Words per sentence above which a sentence is named as long. */
export const LONG_SENTENCE_WORDS = 25;

export function readingLevelCheck({ summary, profile }: CheckInput): CheckResult {
  const text = layProse(summary);
  const f = readingFigures(text);
  const target = profile.readingTargetGrade;
  const grade = Math.round(f.grade * 10) / 10;
  const figures = `Flesch-Kincaid grade ${grade} (target ${target}); ${Math.round(f.hardWordShare * 100)}% of words outside the Dale-Chall familiar list`;
  if (grade <= target) return result('reading-level', 'Reading level', 'pass', `${figures}.`);
  const long = longSentences(text, LONG_SENTENCE_WORDS).length;
  const hard = hardWords(text, 6);
  const advice = [
    long ? `${long} sentence(s) over ${LONG_SENTENCE_WORDS} words` : '',
    hard.length ? `hard words: ${listFew(hard)}` : '',
  ].filter(Boolean);
  return result(
    'reading-level',
    'Reading level',
    grade <= target + 4 ? 'warn' : 'fail',
    `${figures}. Shorten sentences and use plainer words${advice.length ? ` (${advice.join('; ')})` : ''}.`,
  );
}
