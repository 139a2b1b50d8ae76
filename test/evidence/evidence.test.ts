/** Evidence level: study design from publication types and wording, GRADE certainty, and the ceiling. */
import { describe, expect, it } from 'vitest';
import { PaperRecord, type PaperRecordInput } from '../../src/domain/paper.ts';
import { evidenceLevel } from '../../src/evidence/ceiling.ts';
import { statedCertainty } from '../../src/evidence/certainty.ts';
import { studyDesign } from '../../src/evidence/design.ts';

const record = (text: string, more: Partial<PaperRecordInput> = {}) =>
  PaperRecord.parse({ title: 'A study', abstract: [{ label: null, category: null, text }], ...more });
const design = (text: string, publicationTypes: string[] = []) =>
  studyDesign(record(text, { publicationTypes }))?.id;

describe('study design', () => {
  it('reads trial phases from the publication types', () => {
    expect(design('Patients received the drug.', ['Clinical Trial, Phase I'])).toBe('phase-1');
    expect(design('Patients received the drug.', ['Clinical Trial, Phase II'])).toBe('single-arm');
    expect(
      design('Patients were randomly assigned to the drug or placebo.', ['Clinical Trial, Phase II']),
    ).toBe('rct');
    expect(design('Patients received the drug.', ['Clinical Trial, Phase III'])).toBe('rct');
  });

  it('reads "randomly assigned" and refines a Comparative or Multicenter Study', () => {
    expect(design('Adults were randomly assigned to drug or placebo.')).toBe('rct');
    expect(design('Adults were randomly assigned to drug or placebo.', ['Multicenter Study'])).toBe('rct');
    expect(design('We compared outcomes in 300 patients.', ['Comparative Study'])).toBe('observational');
    expect(design('We followed 2000 adults for ten years in a prospective cohort.')).toBe('observational');
  });

  it('does not take "randomized trials are needed" for a trial', () => {
    expect(design('In this cohort of patients, randomized trials are needed.')).toBe('observational');
  });

  it('lets the text refine a generic Review, and puts case reports above reviews', () => {
    expect(design('We conducted a systematic review and meta-analysis of 12 trials.', ['Review'])).toBe(
      'systematic-review',
    );
    expect(design('We report a case of a 54-year-old man and review the literature.', ['Review'])).toBe(
      'case-report',
    );
    expect(design('This review summarizes recent advances.', ['Review'])).toBe('narrative-review');
  });

  it('recognizes animal and laboratory work', () => {
    expect(design('Mice fed a high-fat diet gained weight; the mice were then treated.')).toBe('animal');
    expect(design('In vitro, the compound killed BxPC-3 cell lines.')).toBe('in-vitro');
  });
});

describe('certainty a review states', () => {
  it('reads GRADE wording and keeps the best-supported level', () => {
    expect(statedCertainty('We found low-certainty evidence that it may help.')).toBe('low');
    expect(statedCertainty('very low-quality evidence for pain; moderate-certainty evidence for falls')).toBe(
      'moderate',
    );
    expect(statedCertainty('The certainty of the evidence was judged as very low.')).toBe('very low');
    expect(statedCertainty('Further high-quality trials are needed.')).toBeNull();
  });

  it('knows an empty review from a full one with a gap', () => {
    expect(statedCertainty('No studies met the inclusion criteria.')).toBe('no studies');
    expect(
      statedCertainty('We retrieved 22 articles in full, but none satisfied the inclusion criteria.'),
    ).toBe('no studies');
    expect(statedCertainty('We included 12 trials. We found no studies in children.')).toBeNull();
  });
});

describe('ceiling', () => {
  const review = ['Systematic Review'];
  it('caps a review at the certainty it states about itself', () => {
    expect(
      evidenceLevel(record('Moderate-certainty evidence shows a benefit.', { publicationTypes: review }))
        .ceiling,
    ).toBe(4);
    expect(evidenceLevel(record('Very low-certainty evidence.', { publicationTypes: review })).ceiling).toBe(
      2,
    );
    const empty = evidenceLevel(
      record('No trials met the inclusion criteria.', { publicationTypes: review }),
    );
    expect(empty.ceiling).toBe(1);
    expect(empty.reason).toMatch(/found no studies/);
  });

  it('lowers a preprint by one and says why', () => {
    const level = evidenceLevel(
      record('Patients were randomly assigned to drug or placebo.', { journal: 'medRxiv' }),
    );
    expect(level.ceiling).toBe(3);
    expect(level.reason).toMatch(/randomized controlled trial.*; it is a preprint/);
  });

  it('fails closed when the design is unknown: ceiling 2, and a person must judge', () => {
    const level = evidenceLevel(record('Something happened somewhere.'));
    expect(level.design).toBeNull();
    expect(level.ceiling).toBe(2);
    expect(level.needsJudgement).toBe(true);
    expect(level.reason).toMatch(/not recognized, so a person must judge/);
  });

  it('caps a tiny study at 2 and says how many were studied', () => {
    const level = evidenceLevel(
      record('Six adults (n = 6) were randomly assigned to drug or placebo in a crossover design.', {
        publicationTypes: ['Randomized Controlled Trial'],
      }),
    );
    expect(level.design?.id).toBe('rct');
    expect(level.sampleSize).toBe(6);
    expect(level.ceiling).toBe(2);
    expect(level.reason).toMatch(/studied only 6, too few to rule out chance/);
  });

  it('trusts the abstract over a publication type that claims more', () => {
    const level = evidenceLevel(
      record('In this single-arm phase II trial, 40 patients received the drug.', {
        publicationTypes: ['Randomized Controlled Trial'],
      }),
    );
    expect(level.ceiling).toBe(2);
    expect(level.design).toMatchObject({
      id: 'single-arm',
      words: 'single-arm',
      overrides: 'Randomized Controlled Trial',
    });
    expect(level.reason).toMatch(
      /^This is a trial in which everyone received the treatment, with no comparison group/,
    );
  });
});
