/** The draft form's fields as the page shows them: one string a field, from a stored summary (parsed back by ../routes/edit-form.ts). */
import type { LaySummary } from '../../../domain/summary.ts';

export interface FormValues {
  basedOn: string;
  headline: string;
  takeaway: string;
  findings: string;
  audience: string;
  caveats: string;
  topics: string;
  credibilityScore: string;
  credibilityRationale: string;
  interestScore: string;
  interestRationale: string;
}

export const FORM_KEYS = [
  'basedOn',
  'headline',
  'takeaway',
  'findings',
  'audience',
  'caveats',
  'topics',
  'credibilityScore',
  'credibilityRationale',
  'interestScore',
  'interestRationale',
] as const satisfies ReadonlyArray<keyof FormValues>;

export function valuesOf(s: LaySummary, version: number): FormValues {
  return {
    basedOn: String(version),
    headline: s.headline,
    takeaway: s.takeaway,
    findings: s.findings,
    audience: s.audience,
    caveats: s.caveats.join('\n'),
    topics: s.topics.join(', '),
    credibilityScore: String(s.ratings.credibility.score),
    credibilityRationale: s.ratings.credibility.rationale,
    interestScore: String(s.ratings.interest.score),
    interestRationale: s.ratings.interest.rationale,
  };
}
