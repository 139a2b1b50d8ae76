/** Quality checks flag what a reviewer should look at. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/run-checks.ts';
import { textRecord } from '../../src/sources/text.ts';
import { fixture } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const record = textRecord({ text: fixture('abstracts/pmid-30158200.txt'), maxBytes: 1e6 });
const caseReport = { ...record, publicationTypes: ['Case Reports'] };
const byId = (s: typeof fractureSummary, r = record) =>
  Object.fromEntries(runChecks(s, r).map((c) => [c.id, c]));

describe('quality checks', () => {
  it('passes a plain, faithful summary', () => {
    const checks = byId(fractureSummary);
    expect(checks.numbers?.status).toBe('pass');
    expect(checks.advice?.status).toBe('pass');
    expect(checks['reading-level']?.message).toMatch(/Flesch-Kincaid grade \d+/);
  });

  it('flags numbers that are not in the source', () => {
    const checks = byId({
      ...fractureSummary,
      findings: `${fractureSummary.findings} Risk rose by 73% in 4521 people.`,
    });
    expect(checks.numbers?.status).toBe('warn');
    expect(checks.numbers?.message).toContain('73');
    expect(checks.numbers?.message).toContain('4521');
  });

  it('accepts numbers the source writes with thin spaces or commas', () => {
    const checks = byId({
      ...fractureSummary,
      findings: `${fractureSummary.findings} There were 227,116 controls.`,
    });
    expect(checks.numbers?.status).toBe('pass');
  });

  it('flags treatment advice, unexplained acronyms, and a rating that ignores the design', () => {
    const checks = byId(
      {
        ...fractureSummary,
        audience: 'You should stop taking vitamin D. The GWAS shows BMD matters.',
        ratings: {
          ...fractureSummary.ratings,
          credibility: { score: 5, rationale: 'A strong study.' },
        },
      },
      caseReport,
    );
    expect(checks.advice?.status).toBe('warn');
    expect(checks.acronyms?.message).toMatch(/GWAS/);
    expect(checks.credibility?.status).toBe('warn');
  });

  it('rates a dense academic sentence as hard to read', () => {
    const dense =
      'Instrumental variable analyses estimated heterogeneous pleiotropic associations between genetically determined femoral neck bone mineral density and osteoporotic fracture susceptibility.';
    const checks = byId({
      ...fractureSummary,
      takeaway: dense,
      findings: dense,
      audience: dense,
      caveats: [dense],
    });
    expect(checks['reading-level']?.status).toBe('fail');
  });
});

describe("LaySum's own words", () => {
  it('never trip the acronym and jargon check on an extractive draft', async () => {
    const { extractiveSummary } = await import('../../src/summarize/extractive-summarizer.ts');
    const { unexplainedTerms } = await import('../../src/checks/acronyms.ts');
    for (const types of [['Randomized Controlled Trial'], ['Systematic Review'], ['Case Reports'], []]) {
      const s = extractiveSummary({ ...record, publicationTypes: types });
      expect(unexplainedTerms('', [...s.caveats, s.ratings.credibility.rationale].join('\n'))).toEqual([]);
    }
  });
});
