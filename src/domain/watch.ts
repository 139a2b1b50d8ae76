/** Watches: saved PubMed queries and journal feeds polled on a schedule. */
import { z } from 'zod';

export const PollReport = z.object({
  at: z.string(),
  ok: z.boolean(),
  /** Items the source listed this time. */
  found: z.number().int().nonnegative(),
  /** Papers queued for the first time. */
  queued: z.number().int().nonnegative(),
  /** Papers LaySum already had (in any state). */
  duplicates: z.number().int().nonnegative(),
  /** Items that could not become papers (no abstract, no title...). */
  skipped: z.number().int().nonnegative(),
  error: z.string().nullable(),
  ids: z.array(z.string()),
  /** New items left for the next poll: one poll queues at most WATCH_MAX_NEW_PER_POLL papers. */
  deferred: z.number().int().nonnegative().default(0),
  /** The start of the PubMed date window searched; kept for the next poll while items are deferred. */
  since: z.string().nullable().default(null),
});
export type PollReport = z.infer<typeof PollReport>;

export const Watch = z.object({
  id: z.string(),
  kind: z.enum(['pubmed', 'feed']),
  /** The PubMed query, or the feed URL. */
  target: z.string().min(1),
  everyMs: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** A paused watch keeps its settings and history but has no schedule. */
  paused: z.boolean().default(false),
  lastPoll: PollReport.nullable(),
});
export type Watch = z.infer<typeof Watch>;
