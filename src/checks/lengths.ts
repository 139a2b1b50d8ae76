/**
 * Lengths: a headline a reader takes in at a glance (12 words or fewer), a
 * takeaway of 1-2 sentences, findings of at most 6, one sentence per caveat.
 * The schema bounds characters; this check bounds what a reader must hold.
 */
import type { CheckResult } from '../domain/draft.ts';
import { sentences } from '../text/sentences.ts';
import { type CheckInput, result } from './context.ts';

const HEADLINE_WORDS = 12;

export function lengthsCheck({ summary: s }: CheckInput): CheckResult {
  const problems: string[] = [];
  const words = s.headline.split(/\s+/).filter(Boolean).length;
  if (words > HEADLINE_WORDS)
    problems.push(`headline has ${words} words (aim for ${HEADLINE_WORDS} or fewer)`);
  const takeaway = sentences(s.takeaway).length;
  if (takeaway > 2) problems.push(`takeaway has ${takeaway} sentences (1-2)`);
  const findings = sentences(s.findings).length;
  if (findings > 6) problems.push(`findings have ${findings} sentences (3-6)`);
  const longCaveats = s.caveats.filter((c) => sentences(c).length > 2).length;
  if (longCaveats > 0) problems.push(`${longCaveats} caveat(s) run to 3 or more sentences (one each)`);
  return problems.length === 0
    ? result(
        'lengths',
        'Lengths',
        'pass',
        `Headline ${words} words; takeaway ${takeaway}, findings ${findings} sentences.`,
      )
    : result('lengths', 'Lengths', 'warn', `${problems.join('; ')}.`);
}
