/**
 * Promotional or overstated wording: hype words that no study supports
 * ("miracle", "game-changer"), words that overclaim ("proves", "cures",
 * "breakthrough") unless the source itself uses them as a term ("cure rate",
 * "breakthrough pain"), and claims about people drawn from animal or
 * laboratory work.
 */
import type { CheckResult } from '../domain/draft.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { sentences } from '../text/sentences.ts';
import { type CheckInput, layProse, listFew, result, sourceText } from './context.ts';

const HYPE =
  /\b(?:miracles?|miraculous|game[- ]?chang(?:er|ers|ing)|revolution(?:ary|ize|ise|izes|ises)|ground-?breaking|cutting-edge|wonder (?:drug|cure|pill)s?|magic bullets?|silver bullets?|holy grail|amazing|incredible|astonishing|stunning|spectacular|unprecedented|life-?changing|hope for millions|once and for all|100% (?:effective|safe)|guaranteed|completely safe|totally safe|no side effects|risk-free|must-read|shocking)\b/gi;
/** Fair in a source that uses them as terms; overclaims otherwise. */
const OVERCLAIM =
  /\b(?:breakthroughs?|cures?|cured|curing|proves?|proven|proof|definitive(?:ly)?|dramatic(?:ally)?|remarkabl[ey]|major advance|finally)\b/gi;
/** Claims about people from a study in animals or cells. */
const PEOPLE_CLAIM =
  /\b(?:cures?|treats?|prevents?|reverses?|stops?|beats?|will help|can help|works? in|protects?)\b(?: [\w-]+){0,4} (?:people|patients|humans|you|cancer|disease|diabetes|alzheimer'?s)\b/gi;
const SAYS_ANIMAL = /\b(?:mice|mouse|rats?|animals?|cells?|laboratory|lab|dish|test tubes?)\b/i;

export function promotionalWords(text: string, source: string, animalOrLab: boolean): string[] {
  const found = [...text.matchAll(HYPE)].map((m) => m[0]);
  for (const m of text.matchAll(OVERCLAIM)) {
    const stem = m[0]
      .toLowerCase()
      .replace(/(?:s|d|ing|ly|ally|n)$/, '')
      .slice(0, 5);
    if (!new RegExp(`\\b${stem}`, 'i').test(source)) found.push(m[0]);
  }
  if (animalOrLab) {
    // A claim in a sentence that does not say "in mice" or "in cells" is a claim about people.
    for (const sentence of sentences(text)) {
      if (!SAYS_ANIMAL.test(sentence)) found.push(...[...sentence.matchAll(PEOPLE_CLAIM)].map((m) => m[0]));
    }
  }
  return [...new Set(found.map((f) => f.toLowerCase()))];
}

export function promotionalCheck({ summary, record }: CheckInput): CheckResult {
  const design = evidenceLevel(record).design?.id;
  const text = [summary.headline, layProse(summary), summary.ratings.interest.rationale].join('\n');
  const hits = promotionalWords(text, sourceText(record), design === 'animal' || design === 'in-vitro');
  return hits.length === 0
    ? result('promotional', 'No promotional wording', 'pass', 'No hype or overstated claims found.')
    : result(
        'promotional',
        'No promotional wording',
        'warn',
        `${listFew(hits)} overstate what the study shows: say what was found, how sure it is, and in whom.`,
      );
}
