/**
 * What a correction changed, in one line for the public page: the sections
 * whose text differs between the version the page showed before and the one
 * it shows now, named as the page names them.
 */
import type { LaySummary } from '../domain/summary.ts';

const SECTIONS: [keyof LaySummary, string][] = [
  ['headline', 'the headline'],
  ['ratings', 'the ratings'],
  ['takeaway', 'Key Takeaway'],
  ['findings', 'What They Found'],
  ['audience', 'Who Should Care and Why'],
  ['caveats', 'Important Considerations'],
  ['topics', 'Article Topics'],
];

/** "Corrected Key Takeaway and What They Found." (null when no section's text changed). */
export function correctionLine(before: LaySummary, after: LaySummary): string | null {
  const changed = SECTIONS.filter(
    ([field]) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  ).map(([, name]) => name);
  if (changed.length === 0) return null;
  const last = changed.pop();
  return `Corrected ${changed.length ? `${changed.join(', ')} and ${last}` : last}.`;
}
