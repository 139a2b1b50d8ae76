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
import type { Verification } from '../domain/verification.ts';
import { acronymsCheck } from './acronyms.ts';
import { adviceCheck } from './advice.ts';
import { carryLinks, carryVerification, type EditBase } from './carry.ts';
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
import { verifierCheck } from './verifier.ts';

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

export interface Assessment {
  checks: CheckResult[];
  links: DraftLinks;
  /** On an edit of a verified version: the verdicts of the sentences left as they were (./carry.ts). */
  verification?: Verification;
}

/**
 * The checks of a draft and its sentence links, from one alignment. `base`
 * is the version an edit was based on (or the model's links of a new draft):
 * its model links are kept for unchanged sentences and the per-link checks
 * read them; its verdicts are kept for unchanged sentences and shown as the
 * verifier check, edited sentences named as not verified since the edit.
 */
export function assessDraft(
  summary: LaySummary,
  record: PaperRecord,
  profile: CheckProfile = DEFAULT_PROFILE,
  provider?: CheckInput['provider'],
  base?: EditBase,
): Assessment {
  const aligned = alignDraft(summary, record);
  const links = carryLinks(draftLinks(aligned), base);
  const alignment = { source: aligned.source, links: links.links };
  const input: CheckInput = { summary, record, profile, alignment, ...(provider ? { provider } : {}) };
  const checks = CHECKS.map((check) => check(input)).filter((r): r is CheckResult => r !== null);
  const verification = carryVerification(links, base);
  if (!verification) return { checks, links };
  return { checks: [...checks, verifierCheck(verification, aligned.source)], links, verification };
}

export function runChecks(
  summary: LaySummary,
  record: PaperRecord,
  profile: CheckProfile = DEFAULT_PROFILE,
  provider?: CheckInput['provider'],
): CheckResult[] {
  return assessDraft(summary, record, profile, provider).checks;
}
