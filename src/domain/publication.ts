/**
 * Approval and publication: the two records that tie what the public sees to
 * a person's decision. An approval names the one draft version a reviewer
 * approved (any later edit voids it); a publication names the version that
 * is live, keeps its URL for good, and says when it was corrected or
 * withdrawn. A paper under correction keeps its publication live, showing the
 * approved version, until a newer version is approved and published.
 */
import { z } from 'zod';

export const Approval = z.object({
  version: z.number().int().positive(),
  by: z.string(),
  at: z.string(),
  note: z.string().nullable().default(null),
});
export type Approval = z.infer<typeof Approval>;

export const Withdrawal = z.object({
  at: z.string(),
  by: z.string(),
  reason: z.string(),
  /**
   * The reason was given to be shown to readers on the withdrawn page (the
   * forms say so since it is); reasons from before stay in the history only.
   */
  shown: z.boolean().default(false),
});
export type Withdrawal = z.infer<typeof Withdrawal>;

export const Publication = z.object({
  /** The draft version the public page shows. */
  version: z.number().int().positive(),
  /** Fixed at first publication: a correction never moves the page. */
  slug: z.string(),
  firstPublishedAt: z.string(),
  /** When this version went live (equal to firstPublishedAt until a correction is published). */
  publishedAt: z.string(),
  publishedBy: z.string(),
  /** Who approved this version, and when: the page says it was checked by a person on that date. */
  approvedBy: z.string(),
  approvedAt: z.string(),
  /** The version this one replaced on the live page (a correction); null for a first publication. */
  replaced: z.number().int().positive().nullable().default(null),
  /** Set when an editor took the page down; the page then answers 410. */
  withdrawn: Withdrawal.nullable().default(null),
});
export type Publication = z.infer<typeof Publication>;

/** A publication the public can see. */
export function isLive(p: Publication | null | undefined): p is Publication {
  return Boolean(p && !p.withdrawn);
}
