/**
 * Placeholders: a field that still holds "[Reviewer to write: ...]" cannot be
 * published. This is the one check that fails a draft; the review code uses
 * findPlaceholders (src/domain/placeholder.ts) to refuse approval.
 */
import type { CheckResult } from '../domain/draft.ts';
import { findPlaceholders } from '../domain/placeholder.ts';
import { type CheckInput, result } from './context.ts';

export function placeholdersCheck({ summary }: CheckInput): CheckResult {
  const hits = findPlaceholders(summary);
  return hits.length === 0
    ? result('placeholders', 'Every field written', 'pass', 'No field holds a placeholder.')
    : result(
        'placeholders',
        'Every field written',
        'fail',
        `Still to write: ${hits.map((h) => h.field).join(', ')}. Replace each "[Reviewer to write: …]" before approving.`,
      );
}
