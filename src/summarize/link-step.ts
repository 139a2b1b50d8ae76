/**
 * The model's source ids on a draft's links (summarize stage): each sentence
 * whose ids exist and align gets a `model` link; the rest keep the overlap
 * link, and the reviewer's notes say which and why.
 */
import type { DraftLinks, SourceSentences } from '../domain/links.ts';
import { type ClaimedSources, modelLinks } from '../text/model-links.ts';

const named = (l: { field: string; sentence: number }) => `${l.field} sentence ${l.sentence + 1}`;

export function withModelLinks(
  links: DraftLinks,
  claims: readonly ClaimedSources[] | undefined,
  source: SourceSentences,
  rewritten: boolean,
): { links: DraftLinks; note: string | null } {
  if (!claims) return { links, note: null };
  if (rewritten)
    return {
      links,
      note: 'Sentence links are by overlap: the model named source sentences for its first wording, which the simplify pass rewrote.',
    };
  if (!claims.length)
    return { links, note: 'The model named no source sentences: every sentence is linked by overlap.' };
  const linked = modelLinks(links.links, claims, source);
  const fellBack = linked.filter((l) => l.method !== 'model');
  const parts = linked.filter((l) => l.note).map((l) => `${named(l)}: ${l.note}`);
  const note = parts.length
    ? `Sentence links: ${linked.length - fellBack.length} of ${linked.length} sentences linked by the model's source numbers, ${fellBack.length} by overlap (each sentence's links say why). ${parts.slice(0, 4).join('; ')}${parts.length > 4 ? `; and ${parts.length - 4} more` : ''}.`
    : null;
  return { links: { ...links, links: linked }, note };
}
