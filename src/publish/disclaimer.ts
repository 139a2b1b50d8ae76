/**
 * The disclaimer under a published summary, from the site profile's template:
 * `{journal}` becomes the paper's journal and `{condition}` the site's
 * condition (SITE_FOCUS), so a site about one condition can name it.
 */
import type { PaperRecord } from '../domain/paper.ts';

export interface DisclaimerProfile {
  /** The template (DISCLAIMER_TEXT). */
  disclaimer: string;
  /** The site's condition; left as written when absent. */
  condition?: string | null;
}

/** The disclaimer for one paper, or for a page listing many (`record` null). */
export function renderDisclaimer(
  profile: DisclaimerProfile,
  record: Pick<PaperRecord, 'journal'> | null,
): string {
  const journal = record ? (record.journal ?? 'the original journal') : 'the journal named on each summary';
  const condition = profile.condition ?? 'the condition studied';
  return profile.disclaimer.replaceAll('{journal}', journal).replaceAll('{condition}', condition);
}
