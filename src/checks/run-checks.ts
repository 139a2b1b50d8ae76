/**
 * Quality checks on a draft, composed. They advise the reviewer (shown beside
 * the draft) and never block it, except "placeholders", which fails while a
 * field still holds one. One file per check; `npm run eval` measures each on
 * the labelled corpora in test/fixtures/checks/. Standards: MedlinePlus
 * easy-to-read, Cochrane plain language summaries (define terms, no treatment
 * recommendations, state limitations).
 */
import type { CheckResult } from '../domain/draft.ts';
import type { DraftLinks } from '../domain/links.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';
import { acronymsCheck } from './acronyms.ts';
import { adviceCheck } from './advice.ts';
import { certaintyCheck } from './certainty.ts';
import { type CheckInput, type CheckProfile, DEFAULT_PROFILE } from './context.ts';
import { credibilityCheck } from './credibility.ts';
import { lengthsCheck } from './lengths.ts';
import { alignDraft, draftLinks } from './links.ts';
import { numbersCheck } from './numbers.ts';
import { placeholdersCheck } from './placeholders.ts';
import { promotionalCheck } from './promotional.ts';
import { readingLevelCheck } from './reading-level.ts';
import { relevanceCheck } from './relevance.ts';

export type { CheckProfile } from './context.ts';

export const CHECKS: ReadonlyArray<(input: CheckInput) => CheckResult | null> = [
  placeholdersCheck,
  readingLevelCheck,
  numbersCheck,
  certaintyCheck,
  adviceCheck,
  promotionalCheck,
  acronymsCheck,
  credibilityCheck,
  lengthsCheck,
  relevanceCheck,
];

/** The checks of a draft and its sentence links, from one alignment. */
export function assessDraft(
  summary: LaySummary,
  record: PaperRecord,
  profile: CheckProfile = DEFAULT_PROFILE,
  provider?: CheckInput['provider'],
): { checks: CheckResult[]; links: DraftLinks } {
  const alignment = alignDraft(summary, record);
  const input: CheckInput = { summary, record, profile, alignment, ...(provider ? { provider } : {}) };
  const checks = CHECKS.map((check) => check(input)).filter((r): r is CheckResult => r !== null);
  return { checks, links: draftLinks(alignment) };
}

export function runChecks(
  summary: LaySummary,
  record: PaperRecord,
  profile: CheckProfile = DEFAULT_PROFILE,
  provider?: CheckInput['provider'],
): CheckResult[] {
  return assessDraft(summary, record, profile, provider).checks;
}
