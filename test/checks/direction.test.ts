/**
 * Effect direction against the source (issue 18): a result turned round or
 * "no significant difference" stated as an effect is flagged, read from the
 * clause of the results sentence that is about the draft's outcome, and from
 * the results sentence even when a methods sentence shares more words. The
 * abstracts are shortened from Evidence Inference 2.0 items (jayded/
 * evidence-inference, MIT); each flipped case was missed, and the duloxetine
 * case flagged, before this change.
 */
import { describe, expect, it } from 'vitest';
import { certaintyOn } from '../support/certainty.ts';

const flags = (sentence: string, abstract: string) => certaintyOn(sentence, abstract, 'A trial');

const bezafibrate =
  'The treatment regimen, which is double-blind and placebo-controlled, is bezafibrate 400 mg/day. Bezafibrate significantly reduced total cholesterol by approximately 8.0% and low-density lipoprotein (LDL)-cholesterol by approximately 9.0%, and increased high-density lipoprotein (HDL)-cholesterol by approximately 11.0% initially.';
const cisplatin =
  'Sixty-one of these patients were treated with Cisplatin at 100 mg/m2 on the 6th or 7th day every 28 days; the other 61 received no further treatment (nihil group). Median overall survival time (95 months with Cisplatin vs. 96 months in the nihil group) and median disease-free survival (66 months with Cisplatin vs. 73 in the nihil group) were similar in both arms (p=0.66 and p=0.41, respectively).';
const restenosis =
  'PREVENT was the first prospective, randomized placebo-controlled study of intracoronary beta radiotherapy with 32P. Rates of restenosis (50% diameter stenosis or more) were significantly lower in radiotherapy patients at the target site (8% compared with 39%, P = 0.012) and at the target site plus adjacent segments (22% compared with 50%, P = 0.018).';
const duloxetine =
  'Patients meeting criteria for major depressive disorder received duloxetine (40–120 mg/d) or placebo for up to 9 weeks. Duloxetine demonstrated significantly greater improvement in depressive symptom severity, compared with placebo, within both melancholic and non-melancholic cohorts (p ≤ .001).';

describe('a result turned round', () => {
  it.each([
    [
      'one outcome of several, in its own clause',
      'Compared with placebo, bezafibrate 400 mg/day increased total cholesterol.',
      bezafibrate,
      /decrease.*the draft an increase/,
    ],
    [
      '"similar" stated as an effect, with "no further treatment" as the comparator',
      'Compared with no further treatment, Cisplatin at 100 mg/m2 increased median disease-free survival.',
      cisplatin,
      /no clear difference/,
    ],
    [
      'a direction read past "(… or more)" in brackets',
      'Compared with control, intracoronary beta radiotherapy with 32P increased rates of restenosis at the target site plus adjacent segments.',
      restenosis,
      /decrease.*the draft an increase/,
    ],
  ])('is flagged: %s', (_, sentence, abstract, differs) => {
    const found = flags(sentence, abstract);
    expect(found.map((f) => f.differs).join('\n')).toMatch(differs);
  });
});

describe('a result stated the way round the source states it', () => {
  it.each([
    ['Compared with placebo, bezafibrate 400 mg/day reduced total cholesterol.', bezafibrate],
    ['Compared with placebo, bezafibrate 400 mg/day increased HDL cholesterol.', bezafibrate],
    [
      'Compared with control, intracoronary beta radiotherapy with 32P reduced rates of restenosis.',
      restenosis,
    ],
    // "greater improvement in severity" is a fall in severity: worth and amount are not compared.
    ['Compared with placebo, duloxetine reduced depressive symptom severity.', duloxetine],
  ])('is not flagged: %s', (sentence, abstract) => {
    expect(flags(sentence, abstract)).toEqual([]);
  });

  it('reads "more likely to" as a measure, not a hedge', () => {
    const abstract =
      'Participants in the intervention group were more likely to describe patients, comparisons and outcomes (p = 0.028).';
    expect(
      flags(
        'Compared with no instructions, the written instructions increased how often participants described patients, comparisons and outcomes.',
        abstract,
      ),
    ).toEqual([]);
  });
});

// Third round: the outcome matched to the results sentence that reports it, however few of the
// draft's other words (the arms' full names) it repeats; an aim or hypothesis backs no result.
// Each flipped case was missed before, the faithful ones stay quiet.
const ventilation =
  'BACKGROUND: The aim of this study was to test the hypothesis that a new mode of ventilation (pressure-regulated volume control; PRVC) is associated with improvements in respiratory mechanics and outcome when compared with conventional volume control (VC) ventilation. RESULTS: In the crossover trial, peak inspiratory pressure was significantly lower using PRVC than with VC (20 cmH2O vs 24 cmH2O, P < 0.0001).';
const choice =
  'Patients completed a questionnaire about their resource use, and their hospital records and physiotherapy department records were examined. CONCLUSIONS: Using questionnaires in this study produced data on a greater number of patients compared with examination of hospital records.';

describe('the outcome matched to its results sentence', () => {
  it('flags a result turned round when the aim sentence shares more words than the results sentence', () => {
    const turned = flags(
      'Compared with conventional volume control (VC) ventilation, the new mode of ventilation (pressure-regulated volume control; PRVC) increased peak inspiratory pressure (PIP).',
      ventilation,
    );
    expect(turned[0]?.differs).toMatch(/reports a decrease .*the draft an increase/);
    expect(turned[0]?.source[0]?.text).toMatch(/^RESULTS: In the crossover trial/);
    expect(
      flags(
        'Compared with conventional volume control (VC) ventilation, the new mode of ventilation (pressure-regulated volume control; PRVC) reduced peak inspiratory pressure (PIP).',
        ventilation,
      ),
    ).toEqual([]);
  });

  it('reads the results sentence of a finding whose words the abstract mostly does not share', () => {
    const turned = flags(
      'Compared with hospital records; physiotherapy department records (PDR), postal questionnaires; patient self-report (PSR) reduced produced data on a number of patients.',
      choice,
    );
    expect(turned[0]?.differs).toMatch(/reports an increase .*the draft a decrease/);
    expect(
      flags(
        'Compared with hospital records; physiotherapy department records (PDR), postal questionnaires; patient self-report (PSR) increased produced data on a number of patients.',
        choice,
      ),
    ).toEqual([]);
  });
});
