/**
 * The study designs LaySum recognizes, in plain words, each with the highest
 * credibility score (1-5) its evidence can carry. Ceilings follow the Oxford
 * CEBM levels, simplified: a design that cannot show cause and effect in
 * people, or that has no comparison group, stays at 2 or below. An
 * unrecognized design is not listed here: it gets UNKNOWN_CEILING.
 */

export type DesignId =
  | 'opinion'
  | 'case-report'
  | 'case-series'
  | 'systematic-review'
  | 'secondary-analysis'
  | 'single-arm'
  | 'phase-1'
  | 'rct'
  | 'trial'
  | 'cross-sectional'
  | 'qualitative'
  | 'observational'
  | 'animal'
  | 'in-vitro'
  | 'method'
  | 'narrative-review';

export type Score = 1 | 2 | 3 | 4 | 5;

export interface DesignInfo {
  /** Plain words for a lay reader: "a randomized controlled trial". */
  plain: string;
  ceiling: Score;
}

export const DESIGNS: Record<DesignId, DesignInfo> = {
  opinion: { plain: 'an opinion piece or essay (editorial, comment or letter) with no new data', ceiling: 1 },
  'case-report': { plain: 'a report of a single case (or two or three)', ceiling: 1 },
  'case-series': {
    plain: 'a case series, a description of a group of patients with no comparison group',
    ceiling: 2,
  },
  'systematic-review': {
    plain: 'a systematic review or meta-analysis, which pools earlier studies',
    ceiling: 5,
  },
  'secondary-analysis': {
    plain: 'a new analysis of data collected for another study, which can suggest but not confirm',
    ceiling: 3,
  },
  'single-arm': {
    plain: 'a trial in which everyone received the treatment, with no comparison group',
    ceiling: 2,
  },
  'phase-1': { plain: 'an early (phase 1) trial that tests safety in a small group', ceiling: 2 },
  rct: {
    plain: 'a randomized controlled trial, in which people are put into groups by chance',
    ceiling: 4,
  },
  trial: { plain: 'a clinical trial without random assignment', ceiling: 3 },
  'cross-sectional': {
    plain: 'a survey or snapshot study, which cannot show cause and effect',
    ceiling: 2,
  },
  qualitative: { plain: 'a qualitative study of interviews or focus groups', ceiling: 2 },
  observational: {
    plain: 'an observational study, which can show links but not cause and effect',
    ceiling: 3,
  },
  animal: { plain: 'a study in animals, not people', ceiling: 2 },
  'in-vitro': {
    plain: 'a laboratory study (cells, molecules or computer models), not a study in people',
    ceiling: 2,
  },
  method: { plain: 'a description of a new method or tool', ceiling: 2 },
  'narrative-review': { plain: 'a review of earlier research that is not systematic', ceiling: 3 },
};

/** The ceiling when no design is recognized: low, so that a person must judge the evidence. */
export const UNKNOWN_CEILING: Score = 2;

/** Below this many people (or animals), a study's result can be chance: its ceiling is at most 2. */
export const TINY_SAMPLE = 20;
export const TINY_SAMPLE_CEILING: Score = 2;

/** Designs that study people (or animals) directly, whose size matters. */
export const PRIMARY: ReadonlySet<DesignId> = new Set<DesignId>([
  'secondary-analysis',
  'single-arm',
  'phase-1',
  'rct',
  'trial',
  'cross-sectional',
  'observational',
  'case-series',
]);
