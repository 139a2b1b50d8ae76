/** Drafts: versions of a paper's lay summary, with provenance and checks. */
import { z } from 'zod';
import { CheckFlag, DraftLinks } from './links.ts';
import { LaySummary } from './summary.ts';
import { Verification } from './verification.ts';

export const Usage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  /** The server sent no `usage` for some call: its tokens were estimated from the text (about 4 characters a token). */
  estimated: z.boolean().optional(),
});
export type Usage = z.infer<typeof Usage>;

export const Provenance = z.object({
  /** 'openai' (any OpenAI-compatible server), 'extractive' (offline), or 'human'. */
  provider: z.enum(['openai', 'extractive', 'human']),
  model: z.string(),
  promptVersion: z.string().nullable(),
  usage: Usage,
  /** How many calls the summarizer made for this draft, repairs included. */
  llmCalls: z.number().int().nonnegative(),
  repairs: z.number().int().nonnegative(),
  /** Calls answered from the LLM cache (same source, prompt version, model and notes): no tokens spent. */
  cacheHits: z.number().int().nonnegative().optional(),
  /** Estimated cost of this draft's calls in USD, from LLM_PRICES (0 when the model has no price). */
  costUsd: z.number().nonnegative().optional(),
  createdAt: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

export const CheckResult = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['pass', 'warn', 'fail']),
  message: z.string(),
  /** Per-sentence findings of a check that compares draft sentences with their source sentences. */
  flags: z.array(CheckFlag).optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** Reading figures of a summary's prose (src/text/readability.ts). */
export const ReadingFigures = z.object({ grade: z.number(), hardWordShare: z.number() });

/**
 * The simplify pass on a draft above the reading target: the summary before
 * it, both figures, and which version the draft keeps and why (a rewrite that
 * loses or invents a number is not kept).
 */
export const SimplifyPass = z.object({
  promptVersion: z.string(),
  before: LaySummary,
  beforeFigures: ReadingFigures,
  afterFigures: ReadingFigures.nullable(),
  kept: z.enum(['rewrite', 'original']),
  reason: z.string(),
});
export type SimplifyPass = z.infer<typeof SimplifyPass>;

export const Draft = z.object({
  version: z.number().int().positive(),
  summary: LaySummary,
  provenance: Provenance,
  /** 'ai' for summarizer output, or the reviewer's name for a human edit. */
  author: z.string(),
  basedOn: z.number().int().positive().nullable(),
  /** The notes of the reviewer who sent the previous version back (what this version was asked to change). */
  reviewerNotes: z.string().nullable(),
  /** What the summarizer wants the reviewer to know (e.g. "built from the abstract's sentences"): desk only, never published. */
  notesForReviewer: z.array(z.string()).default([]),
  /** The simplify pass, when the AI draft was above the reading target (absent on older drafts and human edits). */
  simplify: SimplifyPass.nullable().optional(),
  checks: z.array(CheckResult),
  /** Each draft sentence linked to its source sentences; absent on older drafts (computed on read, src/review/view.ts). */
  links: DraftLinks.optional(),
  /** The LLM verifier's verdicts on this version's sentences (LLM_VERIFY=true; absent otherwise and on human edits). */
  verification: Verification.optional(),
});
export type Draft = z.infer<typeof Draft>;

export const AuditEntry = z.object({
  at: z.string(),
  paperId: z.string(),
  actor: z.string(),
  action: z.string(), // submitted, ingested, drafted, approved, rejected, ...
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
