/**
 * The lay summary: the product's data format, defined once. The TypeScript
 * type, the OpenAI structured-output JSON schema (zodResponseFormat) and the
 * validation of human edits all come from this schema.
 *
 * OpenAI structured outputs need every field required and no transforms, so
 * the schema uses only plain objects, strings, arrays and integers.
 */
import { z } from 'zod';

export const Rating = z.object({
  score: z.number().int().min(1).max(5).describe('1 (low) to 5 (high)'),
  rationale: z.string().min(10).max(400).describe('One or two plain sentences explaining the score'),
});
export type Rating = z.infer<typeof Rating>;

export const LaySummary = z.object({
  headline: z
    .string()
    .min(10)
    .max(120)
    .describe('A plain-language headline a patient would click, no jargon, at most ~12 words'),
  takeaway: z.string().min(20).max(400).describe('The key takeaway in 1-2 plain sentences'),
  findings: z.string().min(50).max(1500).describe('What they found: a short plain-language paragraph'),
  audience: z
    .string()
    .min(30)
    .max(1200)
    .describe('Who should care and why (patients, caregivers, clinicians...): a short paragraph'),
  caveats: z
    .array(z.string().min(10).max(400))
    .min(1)
    .max(6)
    .describe('Important considerations and limitations, one plain sentence each'),
  topics: z.array(z.string().min(2).max(60)).min(3).max(8).describe('3 to 8 short topic tags, lower case'),
  ratings: z.object({
    credibility: Rating.describe('How much weight the evidence can bear (study design, size, peer review)'),
    interest: Rating.describe('How much this matters to lay readers'),
  }),
});
export type LaySummary = z.infer<typeof LaySummary>;
