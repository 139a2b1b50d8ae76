/** Turn a paper record into the values the summarize prompt declares. */
import { abstractText, type PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';

export function promptValues(
  record: PaperRecord,
  reviewerNotes: string | null,
  previous: LaySummary | null,
  fullTextBudget: number,
): Record<string, string> {
  const fullText = record.fullText ? record.fullText.slice(0, fullTextBudget) : '';
  const notes = reviewerNotes
    ? `${reviewerNotes}${previous ? `\n\nThe previous draft was:\n${JSON.stringify(previous, null, 2)}` : ''}`
    : '(none)';
  return {
    title: record.title,
    journal: record.journal ?? '(unknown)',
    published: record.publishedAt ?? '(unknown)',
    publication_types: record.publicationTypes.join('; ') || '(not given)',
    keywords: record.keywords.join('; ') || '(none)',
    abstract: abstractText(record) || '(no abstract)',
    full_text: fullText || '(not available)',
    reviewer_notes: notes,
  };
}
