/**
 * What every check reads: the draft, the paper it summarizes, and the site's
 * profile (reading target, focus). Also the lay text of a draft, field by
 * field, so a check can say where it found a problem.
 */
import type { CheckResult } from '../domain/draft.ts';
import type { SentenceLink, SourceSentences } from '../domain/links.ts';
import { abstractText, type PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';

/** The parts of the site profile that checks use (src/config SiteProfile fits). */
export interface CheckProfile {
  readingTargetGrade: number;
  /** Terms a relevant paper mentions; empty: no relevance check. */
  focus: readonly string[];
}

export const DEFAULT_PROFILE: CheckProfile = { readingTargetGrade: 8, focus: [] };

export interface CheckInput {
  summary: LaySummary;
  record: PaperRecord;
  profile: CheckProfile;
  /** Who wrote the draft: the offline provider's rating is not a judgement. */
  provider?: 'openai' | 'extractive' | 'human';
  /** The source as numbered sentences and each draft sentence's links (./links.ts), built once per draft. */
  alignment: { source: SourceSentences; links: SentenceLink[] };
}

/** The prose a reader reads (not the headline, topics or ratings). */
export function layProse(s: LaySummary): string {
  return [s.takeaway, s.findings, s.audience, ...s.caveats].join('\n');
}

/** Every field a reader sees, with its name: headline, prose, and the rating rationales. */
export function readerFields(s: LaySummary): Array<{ field: string; text: string }> {
  return [
    { field: 'headline', text: s.headline },
    { field: 'takeaway', text: s.takeaway },
    { field: 'findings', text: s.findings },
    { field: 'audience', text: s.audience },
    ...s.caveats.map((text, i) => ({ field: `caveats[${i}]`, text })),
    { field: 'credibility rationale', text: s.ratings.credibility.rationale },
    { field: 'interest rationale', text: s.ratings.interest.rationale },
  ];
}

/** Title, abstract and full text: what the draft must be faithful to. */
export function sourceText(record: PaperRecord): string {
  return [record.title, abstractText(record), record.fullText ?? ''].join('\n');
}

export function result(
  id: string,
  label: string,
  status: CheckResult['status'],
  message: string,
): CheckResult {
  return { id, label, status, message };
}

/** "a, b and 3 more" for a message. */
export function listFew(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max).map((i) => `"${i}"`);
  return items.length > max ? `${shown.join(', ')} and ${items.length - max} more` : shown.join(', ');
}
