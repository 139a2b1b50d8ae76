/**
 * Credibility against the evidence ceiling (src/evidence), for every draft
 * alike (AI, offline, or edited by a person): a rating within the ceiling
 * passes without comment; one above it is flagged with the design, the
 * ceiling and why. When no design was recognized the ceiling is low (2) and
 * the check always warns, because a person must judge the evidence.
 */
import type { CheckResult } from '../domain/draft.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import type { Design } from '../evidence/design.ts';
import { type CheckInput, result } from './context.ts';

const LABEL = 'Credibility fits the evidence';

/** Where the design was read, for the reviewer ("the abstract says "single-arm", though PubMed tags it ..."). */
function source(design: Design): string {
  const tagged = design.overrides ? `, although its publication type is "${design.overrides}"` : '';
  switch (design.from) {
    case 'publication type':
      return ` (publication type "${design.words}")`;
    case 'subjects':
      return ` (${design.words})`;
    default:
      return ` (the ${design.from} says "${design.words}"${tagged})`;
  }
}

export function credibilityCheck({ summary, record }: CheckInput): CheckResult {
  const level = evidenceLevel(record);
  const score = summary.ratings.credibility.score;
  const where = level.design ? source(level.design) : '';
  if (score > level.ceiling) {
    return result(
      'credibility',
      LABEL,
      'warn',
      `Rated ${score}/5, above the ceiling of ${level.ceiling}/5 for this paper: ${level.reason.replace(/\.$/, '')}${where}. Lower the rating to ${level.ceiling} or less, or check the design in the paper and explain in the rationale why the evidence is stronger.`,
    );
  }
  if (level.needsJudgement) {
    return result(
      'credibility',
      LABEL,
      'warn',
      `Rated ${score}/5. The study design was not recognized, so the ceiling is ${level.ceiling}/5 and a person must judge the evidence: read the paper's methods and check the rating and its rationale before approving.`,
    );
  }
  return result(
    'credibility',
    LABEL,
    'pass',
    `Rated ${score}/5, within the ceiling of ${level.ceiling}/5 (${level.reason.replace(/\.$/, '')}).`,
  );
}
