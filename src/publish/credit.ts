/**
 * The public page's promise in one plain line: how the summary was made
 * (with AI assistance, or assembled from the abstract) and that a person
 * checked it, on which day. Reviewer names appear only where configured.
 */
import { longDate } from './format.ts';
import type { PublishedSummary } from './published.ts';

export interface CreditWording {
  ai: string;
  extractive: string;
  /** Name the reviewer who approved the published version. */
  names: boolean;
}

export const DEFAULT_CREDIT: CreditWording = {
  ai: 'Written with AI assistance from the original article and checked by a person on {date}.',
  extractive: "Assembled from the article's abstract and checked by a person on {date}.",
  names: false,
};

export function creditLine(
  item: Pick<PublishedSummary, 'provider' | 'checkedAt' | 'checkedBy'>,
  wording: CreditWording = DEFAULT_CREDIT,
  locale?: string,
): string {
  const template = item.provider === 'extractive' ? wording.extractive : wording.ai;
  const line = template.replaceAll('{date}', longDate(item.checkedAt, locale));
  return wording.names && item.checkedBy ? `${line} Reviewed by ${item.checkedBy}.` : line;
}
