/** A claim: which reviewer is working on a paper, since when, and until when it lasts unless renewed. */
import { z } from 'zod';

export const Claim = z.object({
  paperId: z.string(),
  by: z.string(),
  /** When this reviewer claimed it (a renewal keeps the time). */
  since: z.string(),
  /** When it lapses unless renewed. */
  expiresAt: z.string(),
});
export type Claim = z.infer<typeof Claim>;
