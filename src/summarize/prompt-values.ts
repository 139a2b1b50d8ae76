/**
 * Turn a paper record, the site profile and the evidence level into the
 * values the summarize prompt declares. Paper text goes only into the
 * `<paper>` block of the user message, with any tag that could close it
 * defused, so a source carrying instructions cannot reach the system prompt.
 */
import type { SiteProfile } from '../config/env.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';
import { evidenceLevel } from '../evidence/ceiling.ts';
import { numberedLines, splitSource, withinBudget } from '../text/source-sentences.ts';

const DEFAULT_AUDIENCE = 'patients, caregivers and the general public';

/** Paper text as data: "<paper>", "</draft>" and the like cannot open or close the prompt's blocks. */
export function asData(text: string): string {
  return text.replace(/<(\/?)\s*(paper|draft|system|user|assistant)\b/gi, '‹$1$2');
}

export function evidenceSummary(record: PaperRecord): string {
  const level = evidenceLevel(record);
  const certainty = level.certainty ? ` The certainty the paper states: ${level.certainty}.` : '';
  const unknown = level.needsJudgement
    ? ' Say in the credibility rationale that the study design could not be identified.'
    : '';
  return `${level.reason}${certainty} Credibility ceiling: ${level.ceiling}/5.${unknown}`;
}

export function promptValues(
  record: PaperRecord,
  reviewerNotes: string | null,
  previous: LaySummary | null,
  fullTextBudget: number,
  site?: SiteProfile,
): Record<string, string> {
  // Numbered as the links number them (src/text/source-sentences.ts): the reply names sentences by these numbers.
  const numbered = withinBudget(splitSource(record).sentences, fullTextBudget);
  const abstract = numberedLines(numbered.filter((s) => s.part !== 'fullText'));
  const fullText = numberedLines(numbered.filter((s) => s.part === 'fullText'));
  const notes = reviewerNotes
    ? `${reviewerNotes}${previous ? `\n\nThe previous draft was:\n${asData(JSON.stringify(previous, null, 2))}` : ''}`
    : '(none)';
  return {
    audience: site?.audience ?? DEFAULT_AUDIENCE,
    reading_target: String(site?.readingTargetGrade ?? 8),
    house_rules: site?.houseRules ?? '(none)',
    title: asData(record.title),
    journal: asData(record.journal ?? '(unknown)'),
    published: record.publishedAt ?? '(unknown)',
    publication_types: asData(record.publicationTypes.join('; ') || '(not given)'),
    keywords: asData(record.keywords.join('; ') || '(none)'),
    evidence: evidenceSummary(record),
    abstract: asData(record.abstract.length ? abstract : `${abstract}\n(no abstract)`),
    full_text: asData(fullText || '(not available)'),
    reviewer_notes: notes,
  };
}
