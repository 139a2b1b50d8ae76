/**
 * Links from the model's own account of its sources: with an LLM, the
 * summarize reply names, for each sentence it wrote, the numbered source
 * sentences it used. LaySum takes those ids only where they hold up: the
 * sentence is found in the draft (copied as written; a sentence the model
 * gave as part of a longer run counts), each id is a source sentence that
 * exists, and each shares content with the sentence (at least MODEL_ID_MIN of
 * its weighted terms: words, numbers, names). Ids that fail are left out and
 * named; a sentence left with none keeps its overlap link (./align.ts), with
 * a note saying why.
 */
import type { SentenceLink, SourceSentences } from '../domain/links.ts';
import { createAligner } from './align.ts';

/** The share of a draft sentence's weighted terms one cited source sentence must hold to count as aligned. */
export const MODEL_ID_MIN = 0.05;

export interface ClaimedSources {
  /** A sentence of the draft, as the model copied it. */
  sentence: string;
  /** The source sentence numbers it says the sentence draws on, most important first. */
  sources: readonly number[];
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s"'.,;:!?()[\]-]+/g, ' ')
    .trim();

/** The model's entry for a draft sentence: the one that is it, else one that holds it. */
function claimFor(text: string, claims: readonly ClaimedSources[]): ClaimedSources | undefined {
  const n = normal(text);
  if (!n) return undefined;
  return (
    claims.find((c) => normal(c.sentence) === n) ??
    claims.find((c) => ` ${normal(c.sentence)} `.includes(` ${n} `))
  );
}

const plural = (ids: readonly number[]) => (ids.length > 1 ? `s ${ids.join(', ')}` : ` ${ids[0]}`);

/** One link: the model's ids where they exist and align, else the overlap link with the reason. */
function linkOne(
  link: SentenceLink,
  claim: ClaimedSources | undefined,
  known: ReadonlySet<number>,
  aligner: ReturnType<typeof createAligner>,
): SentenceLink {
  if (!claim) return { ...link, note: 'the model gave no source sentences for it: linked by overlap' };
  const ids = [...new Set(claim.sources)];
  if (!ids.length) return { ...link, note: 'the model named no source sentence for it: linked by overlap' };
  const unknown = ids.filter((id) => !known.has(id));
  const unaligned = ids.filter((id) => known.has(id) && aligner.coverage(link.text, id) < MODEL_ID_MIN);
  const kept = ids.filter((id) => known.has(id) && !unaligned.includes(id));
  const problems = [
    ...(unknown.length
      ? [
          `source sentence${plural(unknown)} named by the model ${unknown.length > 1 ? 'do' : 'does'} not exist`,
        ]
      : []),
    ...(unaligned.length
      ? [
          `source sentence${plural(unaligned)} named by the model share${unaligned.length > 1 ? '' : 's'} almost nothing with it`,
        ]
      : []),
  ];
  if (!kept.length) return { ...link, note: `${problems.join('; ')}: linked by overlap` };
  return {
    ...link,
    sources: kept,
    score: aligner.coverageOf(link.text, kept),
    method: 'model',
    supported: true,
    ...(problems.length ? { note: `${problems.join('; ')}: left out` } : {}),
  };
}

/** The draft's overlap links, each replaced by a model link where the model's ids hold up. */
export function modelLinks(
  overlap: readonly SentenceLink[],
  claims: readonly ClaimedSources[],
  source: SourceSentences,
): SentenceLink[] {
  const known = new Set(source.sentences.map((s) => s.id));
  const aligner = createAligner(source);
  return overlap.map((link) => linkOne(link, claimFor(link.text, claims), known, aligner));
}
