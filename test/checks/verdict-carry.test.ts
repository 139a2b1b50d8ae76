/**
 * A reviewer's edit keeps the verifier's verdicts of the sentences left as
 * they were (same rule as the model's links) and names each edited sentence
 * as not verified since the edit, rather than showing a verdict made for
 * other words. Failed when an edit dropped every verdict.
 */
import { describe, expect, it } from 'vitest';
import { assessDraft } from '../../src/checks/run-checks.ts';
import type { Verdict, Verification } from '../../src/domain/verification.ts';
import { textRecord } from '../../src/sources/text.ts';
import { fixture } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const record = textRecord({ text: fixture('abstracts/pmid-30158200.txt'), maxBytes: 1e6 });
const first = assessDraft(fractureSummary, record);

function verdict(field: string, sentence: number, label: Verdict['label'], why = ''): Verdict {
  const text = first.links.links.find((l) => l.field === field && l.sentence === sentence)?.text ?? '';
  return { field, sentence, text, label, sources: [12], unknownSources: [], why };
}
const verification: Verification = {
  promptVersion: 'verify-v1',
  model: 'test-model',
  status: 'done',
  problems: [],
  verdicts: [
    verdict('headline', 0, 'overgeneralised', 'says bone strength drives fracture risk'),
    verdict('findings', 0, 'supported'),
    verdict('findings', 1, 'contradicts', 'a wrong count'),
    verdict('caveats[0]', 0, 'supported'),
  ],
};
const base = { version: 1, links: first.links, verification };
const [, ...rest] = fractureSummary.findings.split(/(?<=\.) /);
const edited = { ...fractureSummary, findings: ['Researchers pooled 25 cohorts.', ...rest].join(' ') };

describe("an edit and the verifier's verdicts", () => {
  const { checks, verification: carried } = assessDraft(edited, record, undefined, 'openai', base);

  it('keeps the verdicts of the sentences left as they were, and says whose they are', () => {
    expect(carried?.carriedFrom).toBe(1);
    expect(carried?.verdicts.map((v) => [v.field, v.sentence, v.label])).toEqual([
      ['headline', 0, 'overgeneralised'],
      ['findings', 1, 'contradicts'],
      ['caveats[0]', 0, 'supported'],
    ]);
  });

  it('names the edited sentence as not verified since the edit, with no stale verdict', () => {
    expect(carried?.unverified).toEqual([
      { field: 'findings', sentence: 0, text: 'Researchers pooled 25 cohorts.' },
    ]);
    const check = checks.find((c) => c.id === 'verifier');
    expect(check?.status).toBe('warn');
    expect(check?.message).toMatch(/^Verdicts of version 1, kept for the sentences left as they were/);
    expect(check?.message).toMatch(/1 sentence edited since is not verified since the edit/);
    const flags = check?.flags ?? [];
    expect(flags.find((f) => f.field === 'findings' && f.sentence === 0)?.differs).toMatch(
      /^not verified since the edit/,
    );
    expect(flags.find((f) => f.field === 'headline')?.differs).toMatch(/^overgeneralised/);
  });

  it('carries verdicts through a second edit, still naming the version that made them', () => {
    const second = assessDraft(edited, record, undefined, 'openai', {
      version: 2,
      links: assessDraft(edited, record, undefined, 'openai', base).links,
      ...(carried ? { verification: carried } : {}),
    });
    expect(second.verification?.carriedFrom).toBe(1);
    expect(second.verification?.unverified).toEqual(carried?.unverified);
    expect(second.verification?.verdicts).toHaveLength(3);
  });

  it('adds no verifier check to an edit of a draft the verifier never read', () => {
    const plain = assessDraft(edited, record, undefined, 'openai', { version: 1, links: first.links });
    expect(plain.verification).toBeUndefined();
    expect(plain.checks.some((c) => c.id === 'verifier')).toBe(false);
  });
});
