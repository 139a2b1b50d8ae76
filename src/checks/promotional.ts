/**
 * Promotional or overstated wording: hype words that no study supports
 * ("miracle", "game-changer", "without side effects"), words that overclaim
 * ("proves", "cured", "remarkable", "strong antitumor activity") unless they
 * are part of a term ("cure rate", "breakthrough pain", "biopsy-proven"), and
 * claims about people drawn from animal or laboratory work. An overclaim
 * copied from the abstract is still an overclaim: the abstract's authors
 * chose the word, the lay reader takes it as a finding (issue 18). Only the
 * nouns "cure" and "proof", which sources use as terms ("a cure for", "proof
 * of concept"), are let through when the source uses them.
 */
import type { CheckResult } from '../domain/draft.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { sentences } from '../text/sentences.ts';
import { type CheckInput, layProse, listFew, result, sourceText } from './context.ts';

const HYPE =
  /(?<!not )\bwithout (?:any )?side[- ]effects\b|\b(?:miracles?|miraculous|game[- ]?chang(?:er|ers|ing)|revolution(?:ary|ize|ise|izes|ises)|ground-?breaking|cutting-edge|wonder (?:drug|cure|pill)s?|magic bullets?|silver bullets?|holy grail|amazing|incredible|astonishing|stunning|spectacular|unprecedented|life-?changing|hope for millions|once and for all|100% (?:effective|safe)|guaranteed|completely safe|totally safe|no side effects|risk-free|must-read|shocking)\b/gi;
/** Fair in a source that uses them as terms; overclaims otherwise. */
const OVERCLAIM =
  /\b(?:breakthroughs?|cures?|cured|curing|proves?|proven|proof|definitive(?:ly)?|dramatic(?:ally)?|remarkabl[ey]|major advance|finally|(?:strong|potent|powerful|excellent|remarkable) anti-?(?:tumou?r|cancer|viral|bacterial|microbial|inflammatory|oxidant)\w* (?:activity|activities|effects?|efficacy))\b/gi;
/** Technical uses of those words: never an overclaim, and the source using one makes its family a measure. */
const TERM =
  /\bcure rates?\b|\bbreakthrough (?:pain|bleeding|infections?|seizures?|cases?|disease|therapy designation)\b|\bproof[- ]of[- ](?:concept|principle)\b|\b\w+-(?:proven|proof)\b|\bproven (?:infection|cases?|diagnosis|disease)\b|\bdefinitive (?:ha?emostasis|treatment|therapy|surgery|care|management|diagnosis|repair|(?:chemo)?radiotherapy)\b|\ba cure for\b/gi;
/** "Finally," opening a sentence, as in the source's own list of results: not "Finally, an answer". */
const FINALLY_LISTS = /(?:^|[.!?]\s+)finally,/i;
const family = (word: string) => word.toLowerCase().replace(/^.*-/, '').slice(0, 4);
/** The nouns a source uses as terms ("better than cure", "proof that"), unless the draft calls something one. */
const NOUNS = /^(?:cure|proof)$/i;
const CALLS_IT = /\b(?:is|are|was|as|a new|the first) (?:a |the )?$/i;
/** Claims about people from a study in animals or cells. */
const PEOPLE_CLAIM =
  /\b(?:cures?|treats?|prevents?|reverses?|stops?|beats?|will help|can help|works? in|protects?)\b(?: [\w-]+){0,4} (?:people|patients|humans|you|cancer|disease|diabetes|alzheimer'?s)\b/gi;
const SAYS_ANIMAL = /\b(?:mice|mouse|rats?|animals?|cells?|laboratory|lab|dish|test tubes?)\b/i;

/**
 * A word denied is not claimed: "not a cure", "is not a miracle", "no
 * breakthrough", "far from proven", "does not prove". Looks back a few words
 * within the clause.
 */
const DENIED =
  /(?:\b(?:not|never|no|nor|neither|without|far from|rather than|instead of)|n't)(?:\s+[\w'-]+){0,3}\s+$/i;
const denied = (text: string, at: number) => {
  const before = text.slice(Math.max(0, at - 40), at);
  return DENIED.test(before.slice(Math.max(0, before.search(/[^,;:.!?()]*$/))));
};

export function promotionalWords(text: string, source: string, animalOrLab: boolean): string[] {
  const found = [...text.matchAll(HYPE)].filter((m) => !denied(text, m.index)).map((m) => m[0]);
  const terms = [...text.matchAll(TERM)].map((m) => [m.index, m.index + m[0].length] as const);
  const measured = new Set([...source.matchAll(TERM)].map((m) => family(m[0].replace(/^a /i, ''))));
  const listsFinally = FINALLY_LISTS.test(source);
  for (const m of text.matchAll(OVERCLAIM)) {
    if (denied(text, m.index)) continue;
    if (terms.some(([from, to]) => m.index >= from && m.index < to)) continue;
    if (measured.has(family(m[0]))) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (NOUNS.test(m[0]) && new RegExp(`\\b${m[0]}\\b`, 'i').test(source) && !CALLS_IT.test(before)) continue;
    if (listsFinally && /^finally$/i.test(m[0]) && /(?:^|[.!?\n]\s*)$/.test(text.slice(0, m.index))) continue;
    found.push(m[0]);
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
  const source = sourceText(record);
  const hits = promotionalWords(text, source, design === 'animal' || design === 'in-vitro');
  if (hits.length === 0) {
    return result('promotional', 'No promotional wording', 'pass', 'No hype or overstated claims found.');
  }
  const copied = hits.filter((h) => source.toLowerCase().includes(h));
  const note = copied.length
    ? ` The abstract itself says ${listFew(copied)}: copied, it still reads as a finding to a lay reader, so say what was measured instead.`
    : '';
  return result(
    'promotional',
    'No promotional wording',
    'warn',
    `${listFew(hits)} overstate what the study shows: say what was found, how sure it is, and in whom.${note}`,
  );
}
