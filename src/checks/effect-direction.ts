/**
 * Which way a result goes: up ("increased", "improved"), down ("reduced",
 * "fewer") or no difference ("did not differ", "no significant difference").
 * A results sentence often reports several outcomes in several directions
 * ("reduced total cholesterol by 8% and increased HDL cholesterol by 11%"),
 * so the source's direction is read from the clause that shares most words
 * with the draft sentence, not from the whole sentence.
 */
import { stemmer } from 'stemmer';

export const NO_DIFFERENCE =
  /\b(?:no (?:statistical(?:ly)? )?(?:significant(?:ly)? )?(?:differences?|effects?|changes?|increases?|decreases?|reductions?|improvements?)|not (?:statistically )?significant(?:ly)?(?: different)?|not statistically different|did not (?:statistically )?(?:differ|change|improve|reduce|increase|affect)|no (?:evidence of (?:a )?)?(?:differences?|effects?|impact|changes?)|(?:fail(?:ed|s)? to|did not) (?:reach|obtain|achieve|show) (?:statistical )?significance|similar|comparable|as effective as|were equivalent)\b/i;
/** Amounts: "more", "fewer", "increased". */
export const UP =
  /\b(?:increas\w*|higher|more|greater|rais\w*|rose|gain\w*|longer|boost\w*|enhanc\w*|elevat\w*|prolong\w*)\b/gi;
export const DOWN =
  /\b(?:decreas\w*|lower|less|fewer|reduc\w*|declin\w*|fell|drop\w*|shorter|cut|diminish\w*|attenuat\w*|suppress\w*|inhibit\w*)\b/gi;
/**
 * Worth: "improved", "worse". Kept apart from amounts: an improvement in
 * symptom severity is a fall in it, so "reduced severity" and "improved
 * severity" agree; only amount with amount and worth with worth are compared.
 */
const BETTER = /\b(?:improv\w*|better|benefit\w*|effective|relief)\b/gi;
const WORSE = /\b(?:worse|worsen\w*|deteriorat\w*|impair\w*)\b/gi;
const NEGATED = new RegExp(
  `\\b(?:not|no|never|neither|nor|without|failed to)\\b(?:\\s+[\\w-]+){0,2}\\s+(?:${['increas', 'decreas', 'reduc', 'improv', 'lower', 'higher', 'rais', 'chang', 'affect', 'alter', 'differ', 'more', 'less', 'better', 'worse'].join('|')})`,
  'i',
);

export type Direction = 'up' | 'down' | 'better' | 'worse' | 'none';

const count = (re: RegExp, text: string) => (text.match(re) ?? []).length;

/** The one direction a text states, or null when it states none, both, or negates one. */
export function direction(sentence: string): Direction | null {
  // Brackets hold figures and definitions ("(50% stenosis or more)"), not the result's direction.
  const text = sentence
    .replace(/\([^()]*\)|\[[^\]]*\]/g, ' ')
    // "greater improvement", "more effective": worth, not amount.
    .replace(/\b(?:greater|more|larger|bigger) (?=improv|benefit|effective|efficac|relief)/gi, '')
    .replace(/\b(?:less|smaller|lower) (?:improv\w*|benefit\w*|effective|efficac\w*)/gi, 'worse');
  if (NO_DIFFERENCE.test(text)) return 'none';
  // "did not reduce", "no increase": a negated direction states none ("compared with no treatment" negates nothing).
  if (NEGATED.test(text)) return null;
  const [up, down] = [count(UP, text), count(DOWN, text)];
  if (up > 0 && down === 0) return 'up';
  if (down > 0 && up === 0) return 'down';
  if (up || down) return null;
  const [better, worse] = [count(BETTER, text), count(WORSE, text)];
  if (better > 0 && worse === 0) return 'better';
  if (worse > 0 && better === 0) return 'worse';
  return null;
}

/**
 * Where the draft's own claim starts: its last direction verb ("increased",
 * "reduces", "lowered"), not a direction word that names a treatment or a
 * group ("household repairs, including reduction of water infiltration,
 * ... increased symptom days"; "the reduced-dose group"). -1 without one.
 */
const CLAIM_VERB =
  /\b(?:increas|decreas|reduc|lower|rais|improv|worsen|boost|enhanc|elevat|diminish|prolong|shorten|halv|doubl)(?:ed|es|s)\b(?![\s-]+(?:of|in|by|dose|group|arm)\b)|\bcut\b/gi;
export function claimVerbAt(draft: string): number {
  let at = -1;
  for (const m of draft.matchAll(CLAIM_VERB)) at = m.index;
  return at;
}

/** The direction the draft sentence claims: read from its last direction verb on when it has one. */
export function draftDirection(draft: string): Direction | null {
  const at = claimVerbAt(draft);
  return direction(at >= 0 ? draft.slice(at) : draft);
}

/** Do two directions disagree (an amount against a worth says nothing)? */
export function opposed(said: Direction, found: Direction): boolean {
  if (said === found) return false;
  if (said === 'none' || found === 'none') return true;
  const amount = (d: Direction) => d === 'up' || d === 'down';
  return amount(said) === amount(found);
}

/** Clauses: cut at punctuation outside brackets and at the words that join two results. */
export function clauses(text: string): string[] {
  const out: string[] = [];
  let [depth, start] = [0, 0];
  for (const m of text.matchAll(/[([]|[)\]]|[;,:]\s|\s(?:and|but|while|whereas)\s/g)) {
    if (m[0] === '(' || m[0] === '[') depth++;
    else if (m[0] === ')' || m[0] === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      out.push(text.slice(start, m.index));
      start = m.index + m[0].length;
    }
  }
  out.push(text.slice(start));
  return out.filter((c) => c.trim());
}
const DIRECTION_WORD = new RegExp([UP, DOWN, BETTER, WORSE].map((r) => r.source).join('|'), 'gi');

/** Content-word stems, direction words left out. */
export const stems = (text: string) =>
  new Set(
    (
      text
        .replace(DIRECTION_WORD, ' ')
        .toLowerCase()
        .match(/[\p{L}\d]{3,}/gu) ?? []
    ).map((w) => stemmer(w)),
  );

/**
 * The direction of the source clause nearest in words to the draft sentence,
 * among clauses that state one; null when none does. Words after the draft's
 * own direction word (what changed: "increased HDL cholesterol") count twice
 * those before it (who changed it), so the clause about the same outcome wins.
 */
export function sourceDirection(draft: string, source: string): { dir: Direction; clause: string } | null {
  const verb = claimVerbAt(draft) >= 0 ? claimVerbAt(draft) : draft.search(DIRECTION_WORD);
  const object = verb >= 0 ? stems(draft.slice(verb)) : new Set<string>();
  const wanted = stems(draft);
  // Direction words the draft uses to name its groups ("an intervention aimed at enhancing return to work") name them in the source too.
  const naming = new Set(
    (verb > 0 ? (draft.slice(0, verb).match(DIRECTION_WORD) ?? []) : []).map((w) => w.toLowerCase()),
  );
  const unnamed = (clause: string) =>
    naming.size ? clause.replace(DIRECTION_WORD, (w) => (naming.has(w.toLowerCase()) ? ' ' : w)) : clause;
  let best: { dir: Direction; clause: string; shared: number } | null = null;
  for (const clause of clauses(source)) {
    const dir = direction(unnamed(clause));
    if (!dir) continue;
    // A clause that names the outcome comes before any that names only the groups.
    let [shared, outcome] = [0, 0];
    for (const s of stems(clause)) {
      if (wanted.has(s)) shared += object.has(s) ? 2 : 1;
      if (object.has(s)) outcome = 1000;
    }
    if (shared > 0 && (!best || shared + outcome > best.shared))
      best = { dir, clause, shared: shared + outcome };
  }
  return best && { dir: best.dir, clause: best.clause };
}

/** What changed, as the draft says it: the words after its direction word ("increased HDL cholesterol"); empty without one. */
export function outcomeStems(draft: string): Set<string> {
  const verb = claimVerbAt(draft) >= 0 ? claimVerbAt(draft) : draft.search(DIRECTION_WORD);
  return verb >= 0 ? stems(draft.slice(verb)) : new Set<string>();
}

/** The share of the draft's outcome words a source sentence holds, 0-1. */
export function outcomeShare(outcome: ReadonlySet<string>, source: string): number {
  if (!outcome.size) return 0;
  const there = stems(source);
  let held = 0;
  for (const s of outcome) if (there.has(s)) held++;
  return held / outcome.size;
}
