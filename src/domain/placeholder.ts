/**
 * Placeholders: text LaySum writes into a draft field it cannot fill itself
 * (the offline provider cannot say who a paper matters to, or how much). A
 * placeholder is marked so it can never reach a reader: the desk highlights
 * it, and a draft is not approved while any field still holds one.
 */
import type { LaySummary } from './summary.ts';

/** Every placeholder starts with this mark; nothing else LaySum writes does. */
export const PLACEHOLDER_MARK = '[Reviewer to write:';

/** `[Reviewer to write: who should care and why.]` */
export function placeholder(what: string): string {
  return `${PLACEHOLDER_MARK} ${what}]`;
}

export interface PlaceholderHit {
  /** The field as a reader would name it: `audience`, `caveats[2]`, `ratings.interest.rationale`. */
  field: string;
  text: string;
}

/** The fields of a summary that still hold a placeholder. */
export function findPlaceholders(summary: LaySummary): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  const visit = (value: unknown, field: string): void => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER_MARK)) hits.push({ field, text: value });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${field}[${i}]`);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, field ? `${field}.${k}` : k);
    }
  };
  visit(summary, '');
  return hits;
}
