/**
 * Relevance to the site's focus (SITE_FOCUS): a paper that mentions none of
 * the focus terms is flagged for the reviewer, never dropped. Terms match
 * whole words, case-insensitively, in the title, keywords and abstract.
 */
import type { CheckResult } from '../domain/draft.ts';
import { abstractText } from '../domain/paper.ts';
import { type CheckInput, result } from './context.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function relevanceCheck({ record, profile }: CheckInput): CheckResult | null {
  if (profile.focus.length === 0) return null;
  const text = [record.title, record.keywords.join('; '), abstractText(record)].join('\n');
  const found = profile.focus.filter((term) => {
    const pattern =
      term === term.toUpperCase() ? escapeRegExp(term) : escapeRegExp(term).replace(/\s+/g, '\\s+');
    return new RegExp(
      `(?<![\\p{L}\\d])${pattern}(?![\\p{L}\\d])`,
      term === term.toUpperCase() ? 'u' : 'iu',
    ).test(text);
  });
  return found.length > 0
    ? result(
        'relevance',
        "Fits the site's focus",
        'pass',
        `Mentions ${found.map((t) => `"${t}"`).join(', ')}.`,
      )
    : result(
        'relevance',
        "Fits the site's focus",
        'warn',
        `The paper mentions none of the site's focus terms (${profile.focus.join(', ')}): check that it belongs on this site before approving.`,
      );
}
