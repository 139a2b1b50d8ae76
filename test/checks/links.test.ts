/**
 * Sentence links (issue 18): the source split into numbered sentences the
 * same way every time, each draft sentence linked to the source sentences
 * that hold its words, numbers and names, and drafts stored before links
 * existed given them on read.
 */
import { describe, expect, it } from 'vitest';
import { alignDraft, withLinks } from '../../src/checks/links.ts';
import { assessDraft } from '../../src/checks/run-checks.ts';
import type { Draft } from '../../src/domain/draft.ts';
import { textRecord } from '../../src/sources/text.ts';
import { SPLITTER_VERSION, splitSource } from '../../src/text/source-sentences.ts';
import { fixture } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const record = textRecord({ text: fixture('abstracts/pmid-30158200.txt'), maxBytes: 1e6 });
const source = splitSource(record);
const textOf = (id: number | undefined) => source.sentences.find((s) => s.id === id)?.text ?? '';

describe('the source as numbered sentences', () => {
  it('numbers title, then abstract sections with their labels, the same way every time', () => {
    expect(source.splitter).toBe(SPLITTER_VERSION);
    expect(source.sentences[0]).toMatchObject({ id: 1, part: 'title', label: null });
    expect(source.sentences.map((s) => s.id)).toEqual(source.sentences.map((_, i) => i + 1));
    expect(source.sentences.some((s) => s.part === 'abstract' && s.label === 'RESULTS')).toBe(true);
    expect(splitSource(record)).toEqual(source);
  });
});

describe('links from draft sentences to source sentences', () => {
  const { links } = alignDraft(fractureSummary, record);
  const link = (words: RegExp) => links.find((l) => words.test(l.text));

  it('links a sentence to the source sentence with its numbers and words, best first', () => {
    const cohorts = link(/25 groups of people/);
    expect(cohorts).toMatchObject({ field: 'findings', sentence: 0, method: 'overlap', supported: true });
    expect(textOf(cohorts?.sources[0])).toMatch(/25 cohorts from Europe/);
  });

  it('marks a sentence with nothing in the source as unsupported', () => {
    const { links: own } = alignDraft(
      { ...fractureSummary, findings: 'Chocolate cake sales rose sharply in Paris bakeries last winter.' },
      record,
    );
    expect(own.find((l) => l.field === 'findings')).toMatchObject({ supported: false });
  });

  it('gives every draft version its links, and drafts stored without them get them on read', () => {
    const { links: made } = assessDraft(fractureSummary, record);
    expect(made.links.length).toBe(links.length);
    const old = { summary: fractureSummary, checks: [] } as unknown as Draft;
    expect(withLinks(old, record).links?.links).toEqual(links);
    const stale = { ...old, links: { ...made, splitter: 'laysum-sentences-0', links: [] } };
    expect(withLinks(stale, record).links?.links).toEqual(links);
  });
});
