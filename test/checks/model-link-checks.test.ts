/**
 * The per-link checks read the model's links (issue 18, third round): a draft
 * sentence the model linked to source sentences (ids LaySum checked, method
 * 'model') is compared with those sentences, overlap second, and the flag
 * says which links it used. Each case failed when the checks read the
 * overlap alignment only.
 */
import { describe, expect, it } from 'vitest';
import { assessDraft } from '../../src/checks/run-checks.ts';
import type { DraftLinks, SentenceLink } from '../../src/domain/links.ts';
import type { LaySummary } from '../../src/domain/summary.ts';
import { textRecord } from '../../src/sources/text.ts';
import { splitSource } from '../../src/text/source-sentences.ts';
import { fractureSummary } from '../support/summaries.ts';

const record = textRecord({
  maxBytes: 1e6,
  text: [
    'Relapse after stopping maintenance therapy in adults with depression',
    '',
    'BACKGROUND: Many adults stop antidepressant maintenance therapy once they feel well, and relapse is common afterwards.',
    'METHODS: We followed 480 adults who stopped maintenance therapy for two years in twelve clinics.',
    'RESULTS: In the first year, relapse occurred in 20% of adults who tapered slowly over four weeks.',
    'By the end of the second year, a further 30% of those who stopped abruptly had returned to care.',
    'Higher daily exercise was associated with fewer hospital admissions for depression.',
    'CONCLUSIONS: Slow tapering may lower the risk of relapse.',
  ].join('\n'),
});
const source = splitSource(record);
const idOf = (words: RegExp) => source.sentences.find((s) => words.test(s.text))?.id ?? 0;

function draft(findings: string): LaySummary {
  return { ...fractureSummary, headline: 'Stopping depression treatment', findings };
}

/** The draft's links with the model's ids for its findings sentence, as the summarize stage stores them. */
function withModel(summary: LaySummary, sources: number[]): { version: number; links: DraftLinks } {
  const { links } = assessDraft(summary, record);
  const model = (l: SentenceLink): SentenceLink =>
    l.field === 'findings' ? { ...l, sources, method: 'model', supported: true, score: 0.3 } : l;
  return { version: 1, links: { ...links, links: links.links.map(model) } };
}

const flagsOf = (checks: ReturnType<typeof assessDraft>['checks'], id: string) =>
  checks.find((c) => c.id === id)?.flags ?? [];

describe('numbers read the model links', () => {
  const summary = draft('Among adults who tapered slowly, 30% relapsed in the first year.');

  it('without model links, a figure from another sentence is flagged, naming the overlap sentences', () => {
    const flags = flagsOf(assessDraft(summary, record).checks, 'numbers');
    expect(flags[0]?.linkedBy).toBe('overlap');
    expect(flags[0]?.differs).toMatch(/"30%" is in the source about something else/);
  });

  it("compares the figure with the model's sentence and says so in the flag", () => {
    const base = withModel(summary, [idOf(/slowly over four weeks/)]);
    const flags = flagsOf(assessDraft(summary, record, undefined, undefined, base).checks, 'numbers');
    const flag = flags.find((f) => f.field === 'findings');
    expect(flag?.linkedBy).toBe('model');
    expect(flag?.source.map((s) => s.id)).toContain(idOf(/slowly over four weeks/));
    expect(flag?.differs).toMatch(/compared with the source sentences the model named for it/);
  });

  it("passes a figure the model's sentence states, though the words point elsewhere", () => {
    const reworded = draft('Among adults who tapered slowly over four weeks, 30% were back in care later.');
    const before = flagsOf(assessDraft(reworded, record).checks, 'numbers');
    expect(before.some((f) => f.field === 'findings')).toBe(true);
    const base = withModel(reworded, [idOf(/second year/)]);
    const after = flagsOf(assessDraft(reworded, record, undefined, undefined, base).checks, 'numbers');
    expect(after.filter((f) => f.field === 'findings')).toEqual([]);
  });
});

describe('certainty reads the model links', () => {
  // Shares too few words with its source sentence for overlap to support it, so overlap never checked it
  // (one word of the source's: with three or more, all in one sentence, overlap judges it too).
  const summary = draft('Working out every day stops low moods putting people in hospital.');

  it("flags an association stated as a cause in the model's sentence, naming it", () => {
    expect(flagsOf(assessDraft(summary, record).checks, 'certainty')).toEqual([]);
    const base = withModel(summary, [idOf(/associated with fewer hospital/)]);
    const flags = flagsOf(assessDraft(summary, record, undefined, undefined, base).checks, 'certainty');
    expect(flags[0]).toMatchObject({ field: 'findings', linkedBy: 'model' });
    expect(flags[0]?.differs).toMatch(/reports an association .* the draft states a cause/);
    expect(flags[0]?.source[0]?.id).toBe(idOf(/associated with fewer hospital/));
  });
});
