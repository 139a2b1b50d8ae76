/** The verifier's verdicts as a check: quiet when every sentence is supported with real source sentences, a flag otherwise. */
import { describe, expect, it } from 'vitest';
import { verifierCheck } from '../../src/checks/verifier.ts';
import type { Verdict, Verification } from '../../src/domain/verification.ts';
import { splitSource } from '../../src/text/source-sentences.ts';

const source = splitSource({
  title: 'Aspirin and colds',
  abstract: [
    { label: 'RESULTS', category: null, text: 'Aspirin shortened colds by 1 day in 40 adults.' },
    { label: 'CONCLUSIONS', category: null, text: 'Aspirin may shorten colds in adults.' },
  ],
  fullText: null,
});
const verdict = (v: Partial<Verdict>): Verdict => ({
  field: 'findings',
  sentence: 0,
  text: 'Aspirin shortened colds by a day.',
  label: 'supported',
  sources: [2],
  unknownSources: [],
  why: '',
  ...v,
});
const done = (verdicts: Verdict[], problems: string[] = []): Verification => ({
  promptVersion: 'verify-v1',
  model: 'm',
  status: 'done',
  problems,
  verdicts,
});

describe('the verifier check', () => {
  it('passes when every sentence is supported by source sentences that exist', () => {
    const check = verifierCheck(done([verdict({}), verdict({ field: 'takeaway', sources: [3] })]), source);
    expect(check).toMatchObject({ status: 'pass', flags: [] });
  });

  it('flags a sentence not supported, naming both sentences and what differs', () => {
    const check = verifierCheck(
      done([
        verdict({
          field: 'headline',
          text: 'Aspirin cures colds',
          label: 'overgeneralised',
          sources: [3],
          why: 'drops "may"',
        }),
      ]),
      source,
    );
    expect(check.status).toBe('warn');
    expect(check.flags?.[0]).toMatchObject({
      field: 'headline',
      text: 'Aspirin cures colds',
      source: [{ id: 3, text: 'Aspirin may shorten colds in adults.' }],
      differs: 'overgeneralised: drops "may"',
    });
  });

  it('warns when what it set aside leaves sentences unread, even with no flag', () => {
    const check = verifierCheck(
      done([verdict({})], ['no verdict for headline sentence 1: read it yourself']),
      source,
    );
    expect(check.status).toBe('warn');
    expect(check.message).toMatch(/Set aside: no verdict for headline sentence 1/);
  });
});
