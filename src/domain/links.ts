/**
 * Sentence links: the source split into numbered sentences, and for every
 * sentence of every draft field the source sentences that support it. The
 * checks compare a draft sentence with its linked source sentences (not with
 * the whole abstract), and each flag names both sides and what differs.
 */
import { z } from 'zod';

/** Where a source sentence comes from. */
export const SourcePart = z.enum(['title', 'abstract', 'fullText']);
export type SourcePart = z.infer<typeof SourcePart>;

export const SourceSentence = z.object({
  /** 1-based, in reading order (title, abstract, full text): what a prompt numbers and a link names. */
  id: z.number().int().positive(),
  part: SourcePart,
  /** The abstract section's label ("RESULTS"), null for the title, an unlabelled abstract and full text. */
  label: z.string().nullable(),
  text: z.string(),
});
export type SourceSentence = z.infer<typeof SourceSentence>;

/** A paper's source split into sentences; `splitter` names the splitter's version, so stored ids stay meaningful. */
export const SourceSentences = z.object({
  splitter: z.string(),
  sentences: z.array(SourceSentence),
});
export type SourceSentences = z.infer<typeof SourceSentences>;

/** 'overlap': the offline alignment (shared content words, numbers, names); 'model': ids the LLM returned, verified. */
export const LinkMethod = z.enum(['overlap', 'model']);
export type LinkMethod = z.infer<typeof LinkMethod>;

export const SentenceLink = z.object({
  /** The draft field, named as the checks name it: headline, takeaway, findings, audience, caveats[0], ... */
  field: z.string(),
  /** 0-based index of the sentence within its field. */
  sentence: z.number().int().nonnegative(),
  /** The draft sentence as written. */
  text: z.string(),
  /** Ids of the source sentences that support it, best first; empty when none does. */
  sources: z.array(z.number().int().positive()),
  /** How much of the sentence's content (words, numbers, names) the linked sentences hold, 0-1. */
  score: z.number().min(0).max(1),
  method: LinkMethod,
  /** False when no source sentence supports the sentence: the desk marks it. */
  supported: z.boolean(),
  /** Why a sentence the model gave ids for was linked by overlap instead (ids that do not exist or do not align). */
  note: z.string().optional(),
});
export type SentenceLink = z.infer<typeof SentenceLink>;

/** The links of one draft version, with the splitter and aligner that made them. */
export const DraftLinks = z.object({
  splitter: z.string(),
  aligner: z.string(),
  links: z.array(SentenceLink),
});
export type DraftLinks = z.infer<typeof DraftLinks>;

export const SourceRef = z.object({ id: z.number().int().positive(), text: z.string() });
export type SourceRef = z.infer<typeof SourceRef>;

/** One problem a check found: the draft sentence, the source sentence(s) it was compared with, and what differs. */
export const CheckFlag = z.object({
  field: z.string(),
  sentence: z.number().int().nonnegative(),
  /** The draft sentence. */
  text: z.string(),
  /** The linked source sentences it was compared with (empty when it has none). */
  source: z.array(SourceRef),
  /** What differs, in words a reviewer can act on. */
  differs: z.string(),
  /** Which links gave the source sentences compared: the model's checked ids, or shared words (overlap). */
  linkedBy: LinkMethod.optional(),
});
export type CheckFlag = z.infer<typeof CheckFlag>;
