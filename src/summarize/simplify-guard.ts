/**
 * What a simplify rewrite must not add: treatment advice, hype, or a stronger
 * claim than the draft made ("may help" becoming "helps" is caught by the
 * hedges it drops). Used by simplify.ts to decide whether to keep a rewrite.
 */
import { adviceSentences } from '../checks/advice.ts';
import { layProse } from '../checks/context.ts';
import { promotionalWords } from '../checks/promotional.ts';
import type { LaySummary } from '../domain/summary.ts';

const HEDGES =
  /\b(?:may|might|could|possibly|probably|likely|suggests?|uncertain|unclear|not sure|linked)\b/gi;

export function rewriteProblem(before: LaySummary, after: LaySummary): string {
  const [b, a] = [layProse(before), layProse(after)];
  const advice = adviceSentences(a).length - adviceSentences(b).length;
  if (advice > 0) return 'the rewrite added treatment advice';
  const hype = promotionalWords(a, b, false).filter((w) => !promotionalWords(b, b, false).includes(w));
  if (hype.length) return `the rewrite added promotional wording (${hype.join(', ')})`;
  const hedges = (t: string) => (t.match(HEDGES) ?? []).length;
  if (hedges(a) < hedges(b) / 2)
    return 'the rewrite dropped most of the words that say how uncertain the findings are';
  return '';
}
