/** Flesch-Kincaid grade level of the lay text (syllables counted by `syllable`). */
import { syllable } from 'syllable';
import { sentences } from '../text/sentences.ts';

export function fleschKincaidGrade(text: string): number {
  const sents = sentences(text);
  const words = text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  if (sents.length === 0 || words.length === 0) return 0;
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  return 0.39 * (words.length / sents.length) + 11.8 * (syllables / words.length) - 15.59;
}
