/**
 * Polarity: does the draft sentence deny what its source sentence states, or
 * state what its source sentence denies? "Cats cannot catch the virus" where
 * the source says cats were infected; "there is no evidence that X helps"
 * where the source says it helped; "X reduced deaths" where the source says
 * it did not. The source sentences compared are those that share most of the
 * draft sentence's words (whatever the links say: a claim about a finding
 * often repeats few words of it), and a flag needs every one of them to read
 * the other way. "No difference", "similar" and "unchanged" are one polarity
 * (nothing happened), so "was similar" agrees with "did not differ".
 */
import { stemmer } from 'stemmer';
import type { SourceSentence, SourceSentences } from '../domain/links.ts';
import type { Aligner } from '../text/align.ts';
import { clauses, outcomeStems } from './effect-direction.ts';

/**
 * A denial: "not", "no", "cannot", "fails to", "little evidence",
 * "unrelated". ("A lack of sleep" names a thing, "without increasing side
 * effects" adds a second result, and "no. 2976" is a number: none denies the claim.)
 */
const DENIAL =
  /\b(?:not(?! only)|no(?!\.\s*\d)|never|none|nothing|neither|nor|cannot|unable to|fail(?:s|ed)? to|unrelated|independent(?:ly)? of|little (?:or no|evidence|effect|difference|benefit|impact)|insignificant)\b|n't\b/i;
/** Nothing happened: the same polarity as a denial of an effect ("similarly reduced" is "likewise"). */
const NULL_RESULT =
  /\b(?:similar|comparable|unchanged|equal|equivalent|as (?:effective|safe) as|(?:was|were|is|are|remained|stayed|about|roughly|much) the same)\b/i;
/** What is not yet known is background, not a finding the draft could contradict. */
export const UNKNOWN =
  /\b(?:ha(?:s|ve) not been (?:\w+ )?(?:studied|investigated|examined|explored|evaluated|established|reported|assessed)|remains? (?:unclear|unknown|uncertain)|little is known|is (?:not known|unknown|unclear))\b/i;
/**
 * The claim without what names its terms: brackets hold figures and
 * definitions ("(no. of events)"), and "compared with no treatment," names
 * the comparison, not a denial.
 */
const claimText = (s: string) =>
  s
    .replace(/\([^()]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\b(?:compared (?:with|to)|versus|vs\.?|than)\s+[^,;]*/gi, ' ')
    .replace(/\bwhether or not\b/gi, ' ');

/** Does the sentence deny something or report that nothing happened? */
export function denies(sentence: string): boolean {
  const text = claimText(sentence);
  return DENIAL.test(text) || NULL_RESULT.test(text);
}

/** Words-only coverage a source sentence needs to be what a draft sentence restates. */
const RESTATES_MIN = 0.3;

/** The source sentences a draft sentence restates: the best by shared words, and any nearly as good. */
export function restated(text: string, source: SourceSentences, byWords: Aligner): SourceSentence[] {
  const scored = source.sentences
    .map((s) => ({ s, c: byWords.coverage(text, s.id) }))
    .filter((x) => x.c >= RESTATES_MIN && !UNKNOWN.test(x.s.text))
    .sort((a, b) => b.c - a.c);
  const best = scored[0]?.c ?? 0;
  return scored.filter((x) => x.c >= best * 0.8).map((x) => x.s);
}

const stems = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}\d]{3,}/gu) ?? []).map((w) => stemmer(w)));

/** The clause of a source sentence that shares most words with the draft ("X did not change A, but raised B"). */
function nearestClause(draft: string, source: string): string {
  const wanted = stems(draft);
  let best = { clause: source, shared: -1 };
  for (const clause of clauses(source)) {
    let shared = 0;
    for (const s of stems(clause)) if (wanted.has(s)) shared++;
    if (shared > best.shared) best = { clause, shared };
  }
  return best.clause;
}

const cueIn = (text: string) => (DENIAL.exec(claimText(text)) ?? NULL_RESULT.exec(claimText(text)))?.[0];

/**
 * What differs when the draft sentence and every source sentence it restates
 * read the other way round, else null. A draft denial clashes with a source
 * sentence that denies nothing anywhere; a draft statement clashes with a
 * source sentence whose clause about the same thing denies it.
 */
export function polarityClash(
  draft: string,
  sources: readonly SourceSentence[],
): { source: SourceSentence; differs: string } | null {
  const first = sources[0];
  if (!first) return null;
  if (denies(draft)) {
    if (sources.some((s) => denies(s.text))) return null;
    return {
      source: first,
      differs: `the draft denies what the source sentence states ("${cueIn(draft)}" is not in it)`,
    };
  }
  // The clause must be about what the draft says changed ("reduced range of motion"), when it says.
  const outcome = outcomeStems(draft);
  const about = (clause: string) => !outcome.size || [...stems(clause)].some((w) => outcome.has(w));
  const against = (s: SourceSentence) => {
    const clause = nearestClause(draft, s.text);
    return denies(clause) && about(clause);
  };
  if (!sources.every(against)) return null;
  const clause = nearestClause(draft, first.text);
  return {
    source: first,
    differs: `the source sentence denies it ("${clause.trim()}": "${cueIn(clause)}"); the draft states it`,
  };
}

/**
 * "Only": a draft that limits a finding to a group, a route or a time ("only
 * the oldest patients", "spreads only through contact", "the only virus")
 * where the source sentences say nothing of the kind. "Only" before an amount
 * ("only a small share", "only mild symptoms", "only 5%") plays a figure down
 * and limits nothing; "not only" adds.
 */
const EXCLUSIVE =
  /\b(?<!not )(?:only|solely|exclusively)\b(?!\s+(?:a|an|one|a few|few|some|slight(?:ly)?|small|minor|mild(?:ly)?|modest(?:ly)?|marginal(?:ly)?|moderate(?:ly)?|weak(?:ly)?|partial(?:ly)?)\b|\s+\d)/i;
const LIMITED = /\b(?:only|solely|exclusively|limited to|restricted to|confined to|all|none|no other)\b/i;

export function exclusivityClash(
  draft: string,
  sources: readonly SourceSentence[],
): { source: SourceSentence; differs: string } | null {
  const first = sources[0];
  const word = EXCLUSIVE.exec(claimText(draft));
  if (!first || !word || sources.some((s) => LIMITED.test(s.text))) return null;
  return {
    source: first,
    differs: `the draft limits it ("${draft.slice(word.index, word.index + 40).trim()}..."); the source sentence does not`,
  };
}
