/**
 * Which group a results clause states its direction for. A draft finding
 * says "Compared with C, I reduced O"; a source clause may say it the other
 * way round, for the comparator: "O was higher in the C group than in the I
 * group" is a fall for I. The draft's two groups are read from its
 * "compared with C," phrase and the words before its claim verb; the clause's
 * subject group is the one it names outside its own "than ..." or "compared
 * with ..." phrase. When that is the comparator alone, the direction turns.
 */
import { stemmer } from 'stemmer';
import { claimVerbAt, type Direction } from './effect-direction.ts';

const stems = (text: string) =>
  new Set((text.toLowerCase().match(/[\p{L}\d]{2,}/gu) ?? []).map((w) => stemmer(w)));
/** Words every group name shares ("group", "patients"): they tell no group apart. */
const SHARED = new Set([
  'group',
  'the',
  'and',
  'with',
  'patient',
  'arm',
  'receiv',
  'of',
  'in',
  'or',
  'mg',
  'dai',
  'day',
]);

/** The draft's comparator and subject groups, each by the words only it has; null without "compared with C, I ...". */
export function draftGroups(draft: string): { subject: Set<string>; comparator: Set<string> } | null {
  const m = /^\s*(?:compared (?:with|to)|versus|relative to)\s+([^,;]+)[,;]\s*(.*)$/i.exec(draft);
  const verb = claimVerbAt(draft);
  if (!m?.[1] || !m[2] || verb < 0) return null;
  const subjectText = m[2].slice(0, Math.max(0, verb - (draft.length - m[2].length)));
  const [c, i] = [stems(m[1]), stems(subjectText)];
  const only = (a: Set<string>, b: Set<string>) => new Set([...a].filter((w) => !b.has(w) && !SHARED.has(w)));
  const groups = { subject: only(i, c), comparator: only(c, i) };
  return groups.subject.size && groups.comparator.size ? groups : null;
}

const COMPARISON = /\b(?:than|compared (?:with|to)|versus|vs\.?|relative to|as compared)\b/i;

/** The direction as it applies to the draft's subject: turned round when the clause states it for the comparator alone. */
export function forSubject(draft: string, clause: string, dir: Direction): Direction {
  const groups = draftGroups(draft);
  if (!groups || dir === 'none') return dir;
  const cut = clause.search(COMPARISON);
  const named = stems(cut >= 0 ? clause.slice(0, cut) : clause);
  const has = (g: Set<string>) => [...g].some((w) => named.has(w));
  if (!has(groups.comparator) || has(groups.subject)) return dir;
  return TURNED[dir];
}

const TURNED: Record<Direction, Direction> = {
  up: 'down',
  down: 'up',
  better: 'worse',
  worse: 'better',
  none: 'none',
};
