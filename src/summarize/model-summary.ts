/**
 * What the summarize call asks the model for: the lay summary, and for each
 * sentence it wrote the numbers of the source sentences it used (the prompt
 * numbers them). The list goes out strict (every field required, as OpenAI's
 * strict mode needs); it is read leniently: a reply without it, or with it
 * malformed, is still a summary, whose sentences are then linked by overlap
 * and the reviewer told. Only the summary is stored as the draft; the ids
 * become links once checked (src/text/model-links.ts).
 */
import { z } from 'zod';
import { LaySummary } from '../domain/summary.ts';

const SentenceSources = z
  .array(
    z.object({
      sentence: z.string().describe('One sentence of the summary, copied exactly as written above'),
      sources: z
        .array(z.number().int())
        .describe('Numbers of the source sentences it draws on (the numbers after S), most important first'),
    }),
  )
  .describe(
    'For every sentence of headline, takeaway, findings, audience, caveats and the two rationales: the source sentences it draws on',
  );

/** The schema sent to the model. */
export const ModelSummaryFormat = LaySummary.extend({ sentenceSources: SentenceSources });
/** The schema a reply is read with: a missing or unreadable source list is an empty one, never a repair. */
export const ModelSummary = LaySummary.extend({ sentenceSources: SentenceSources.catch([]) });
export type ModelSummary = z.infer<typeof ModelSummary>;

export function splitReply(reply: ModelSummary): {
  summary: LaySummary;
  sentenceSources: ModelSummary['sentenceSources'];
} {
  const { sentenceSources, ...summary } = reply;
  return { summary, sentenceSources };
}
