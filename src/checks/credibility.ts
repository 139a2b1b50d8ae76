/**
 * Credibility against the evidence ceiling (src/evidence): a rating above
 * what the design and the review's own stated certainty allow is flagged with
 * the reason. The offline provider's rating is the ceiling itself, not a
 * judgement, so its drafts are told to the reviewer as such.
 */
import type { CheckResult } from '../domain/draft.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { type CheckInput, result } from './context.ts';

const LABEL = 'Credibility fits the evidence';

export function credibilityCheck({ summary, record, provider }: CheckInput): CheckResult {
  const level = evidenceLevel(record);
  const score = summary.ratings.credibility.score;
  if (provider === 'extractive') {
    return result(
      'credibility',
      LABEL,
      'warn',
      `Rated ${score}/5 by the offline provider from the study design alone (${level.reason}) Judge the evidence yourself.`,
    );
  }
  if (score > level.ceiling) {
    return result(
      'credibility',
      LABEL,
      'warn',
      `Rated ${score}/5, above the ceiling of ${level.ceiling}/5: ${level.reason} Lower the rating or explain why the evidence is stronger.`,
    );
  }
  return result(
    'credibility',
    LABEL,
    'pass',
    level.design
      ? `Rated ${score}/5, within the ceiling of ${level.ceiling}/5 (${level.reason.replace(/\.$/, '')}).`
      : `Rated ${score}/5; the study design was not recognized automatically, so check it against the paper.`,
  );
}
