/**
 * The evidence level of a paper and the highest credibility rating it can
 * carry, with the reason in plain words. The summarize prompt states it to
 * the model, the extractive provider uses it as its rating, and the
 * credibility check flags any rating above it. It fails closed: when no
 * design is recognized the ceiling is low (2) and the reason says that a
 * person must judge the evidence.
 */
import type { PaperRecord } from '../domain/paper.ts';
import { type Certainty, statedCertainty } from './certainty.ts';
import { type Design, studyDesign } from './design.ts';
import { PRIMARY, type Score, TINY_SAMPLE, TINY_SAMPLE_CEILING, UNKNOWN_CEILING } from './designs.ts';
import { sampleSize } from './subjects.ts';

export type { Score } from './designs.ts';

export interface EvidenceLevel {
  design: Design | null;
  /** The certainty a review states about its evidence (GRADE), if it states one. */
  certainty: Certainty | null;
  preprint: boolean;
  /** How many people (or animals) the abstract says were studied, when it says. */
  sampleSize: number | null;
  /** The highest credibility score the evidence can carry (2 when the design is not recognized). */
  ceiling: Score;
  /** True when no design was recognized: a person must judge the evidence. */
  needsJudgement: boolean;
  /** Why, in plain sentences. */
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

function designReason(design: Design | null): string {
  return design
    ? `This is ${design.plain}`
    : 'The study design was not recognized, so a person must judge how strong the evidence is';
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

const lower = (a: Score, b: Score) => Math.min(a, b) as Score;

function computeLevel(record: EvidenceInput): EvidenceLevel {
  const design = studyDesign(record);
  const text = record.abstract.map((s) => s.text).join('\n');
  const certainty = statedCertainty(text);
  const preprint = isPreprint(record);
  const size = sampleSize(`${record.title}\n${text}`);
  let ceiling: Score = design?.ceiling ?? UNKNOWN_CEILING;
  const reasons = [designReason(design)];
  if (certainty && (design?.id === 'systematic-review' || certainty === 'no studies')) {
    ceiling = lower(ceiling, BY_CERTAINTY[certainty]);
    reasons.push(certaintyReason(certainty));
  }
  if (
    design &&
    PRIMARY.has(design.id) &&
    size !== null &&
    size < TINY_SAMPLE &&
    ceiling > TINY_SAMPLE_CEILING
  ) {
    ceiling = TINY_SAMPLE_CEILING;
    reasons.push(`it studied only ${size}, too few to rule out chance`);
  }
  if (preprint) {
    ceiling = Math.max(1, ceiling - 1) as Score;
    reasons.push('it is a preprint that has not been peer reviewed');
  }
  return {
    design,
    certainty,
    preprint,
    sampleSize: size,
    ceiling,
    needsJudgement: design === null,
    reason: `${reasons.join('; ')}.`,
  };
}
