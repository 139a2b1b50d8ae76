/**
 * A failure record: why the queue gave up on a paper, kept on the paper while
 * it is failed (a retry clears it). For a summarize failure it also keeps what
 * the model returned, so a person can see why the reply was refused.
 */
import { z } from 'zod';
import { Usage } from './draft.ts';

/** How much of the model's reply a failure record keeps. */
export const FAILURE_REPLY_MAX_CHARS = 20_000;

export const FailureRecord = z.object({
  /** The stage that gave up: 'ingest' or 'summarize'. */
  stage: z.string(),
  reason: z.string(),
  at: z.string(),
  /** The model's last reply (secrets redacted, cut at FAILURE_REPLY_MAX_CHARS); null when there was none. */
  reply: z.string().nullable().default(null),
  /** Tokens spent on the calls that failed; null for failures outside the summarizer. */
  usage: Usage.nullable().default(null),
  /** The last reply's finish reason ('stop', 'length', 'content_filter'...). */
  finishReason: z.string().nullable().default(null),
});
export type FailureRecord = z.infer<typeof FailureRecord>;
