/**
 * The LLM verifier's reading of a draft (LLM_VERIFY=true): one verdict per
 * draft sentence (supported, overgeneralised, not in the source, contradicts),
 * naming the source sentences it compared. Stored on the draft version it was
 * made for; it advises the reviewer beside the offline checks and is never
 * published.
 */
import { z } from 'zod';

export const VERDICT_LABELS = ['supported', 'overgeneralised', 'not_in_source', 'contradicts'] as const;
export const VerdictLabel = z.enum(VERDICT_LABELS);
export type VerdictLabel = z.infer<typeof VerdictLabel>;

/** How a verdict reads on the desk and in check flags. */
export const VERDICT_WORDS: Record<VerdictLabel, string> = {
  supported: 'supported',
  overgeneralised: 'overgeneralised',
  not_in_source: 'not in the source',
  contradicts: 'contradicts the source',
};

export const Verdict = z.object({
  /** The draft sentence, named as its links name it (field, 0-based sentence, text). */
  field: z.string(),
  sentence: z.number().int().nonnegative(),
  text: z.string(),
  label: VerdictLabel,
  /** The source sentence ids the verifier named that exist (ids it made up are in `unknownSources`). */
  sources: z.array(z.number().int().positive()),
  unknownSources: z.array(z.number().int()),
  /** What differs, in the verifier's words (empty for a supported sentence). */
  why: z.string(),
});
export type Verdict = z.infer<typeof Verdict>;

export const Verification = z.object({
  promptVersion: z.string(),
  /** The model that answered; null when the call failed before any answer. */
  model: z.string().nullable(),
  status: z.enum(['done', 'failed']),
  /** Why the call failed, or what of its answer was set aside (unknown ids, sentences it did not label). */
  problems: z.array(z.string()),
  verdicts: z.array(Verdict),
  /** Set on a reviewer's edit: the version whose verdicts were kept for the sentences left as they were. */
  carriedFrom: z.number().int().positive().optional(),
  /** The sentences edited since the verifier read them: not verified since the edit, so they have no verdict. */
  unverified: z
    .array(z.object({ field: z.string(), sentence: z.number().int().nonnegative(), text: z.string() }))
    .optional(),
});
export type Verification = z.infer<typeof Verification>;
