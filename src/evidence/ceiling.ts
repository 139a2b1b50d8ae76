/**
 * The evidence level of a paper and the highest credibility rating it can
 * carry, with the reason in plain words. The summarize prompt states it to
 * the model, the extractive provider uses it as its rating, and the
 * credibility check flags any rating above it.
 */
import type { PaperRecord } from '../domain/paper.ts';
import { type Certainty, statedCertainty } from './certainty.ts';
import { type Design, studyDesign } from './design.ts';

export type Score = 1 | 2 | 3 | 4 | 5;

export interface EvidenceLevel {
  design: Design | null;
  /** The certainty a review states about its evidence (GRADE), if it states one. */
  certainty: Certainty | null;
  preprint: boolean;
  /** The highest credibility score the evidence can carry (5 when nothing is known). */
  ceiling: Score;
  /** Why, in one plain sentence. */
  reason: string;
}

const BY_CERTAINTY: Record<Certainty, Score> = {
  high: 5,
  moderate: 4,
  low: 3,
  'very low': 2,
  'no studies': 1,
};

function isPreprint(record: Pick<PaperRecord, 'publicationTypes' | 'journal'>): boolean {
  return (
    record.publicationTypes.some((t) => /preprint/i.test(t)) ||
    /\b(?:biorxiv|medrxiv|arxiv|research square|ssrn|preprints)\b/i.test(record.journal ?? '')
  );
}

function certaintyReason(certainty: Certainty): string {
  return certainty === 'no studies'
    ? 'the review found no studies that met its criteria, so it cannot show whether the treatment works'
    : `the review itself rates the certainty of its evidence as ${certainty}`;
}

type EvidenceInput = Pick<PaperRecord, 'publicationTypes' | 'title' | 'abstract' | 'journal'>;

/** Records are never changed once built; the prompt and two checks ask about the same one. */
const levels = new WeakMap<EvidenceInput, EvidenceLevel>();

export function evidenceLevel(record: EvidenceInput): EvidenceLevel {
  const known = levels.get(record);
  if (known) return known;
  const level = computeLevel(record);
  levels.set(record, level);
  return level;
}

function computeLevel(record: EvidenceInput): EvidenceLevel {
  const design = studyDesign(record);
  const text = record.abstract.map((s) => s.text).join('\n');
  const certainty = statedCertainty(text);
  const preprint = isPreprint(record);
  let ceiling: Score = design?.ceiling ?? 5;
  const reasons = [design ? `This is ${design.plain}` : 'The study design was not recognized'];
  if (certainty && (design?.id === 'systematic-review' || certainty === 'no studies')) {
    ceiling = Math.min(ceiling, BY_CERTAINTY[certainty]) as Score;
    reasons.push(certaintyReason(certainty));
  }
  if (preprint) {
    ceiling = Math.max(1, ceiling - 1) as Score;
    reasons.push('it is a preprint that has not been peer reviewed');
  }
  return { design, certainty, preprint, ceiling, reason: `${reasons.join('; ')}.` };
}
