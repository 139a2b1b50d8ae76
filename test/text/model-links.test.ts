/**
 * Links from the model's source ids: taken where the ids exist and align with
 * the sentence, left out and named where they do not, and the overlap link
 * kept, with the reason, for a sentence left with none.
 */
import { describe, expect, it } from 'vitest';
import { alignDraft, draftLinks, withLinks } from '../../src/checks/links.ts';
import type { Draft } from '../../src/domain/draft.ts';
import type { SentenceLink } from '../../src/domain/links.ts';
import { textRecord } from '../../src/sources/text.ts';
import { type ClaimedSources, modelLinks } from '../../src/text/model-links.ts';
import { fractureText } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const record = textRecord({ text: fractureText(), maxBytes: 1e6 });
const alignment = alignDraft(fractureSummary, record);
const find = (links: SentenceLink[], field: string, sentence = 0) => {
  const link = links.find((l) => l.field === field && l.sentence === sentence);
  if (!link) throw new Error(`no link for ${field} ${sentence}`);
  return link;
};
const textOf = (field: string, sentence = 0) => find(alignment.links, field, sentence).text;
const linked = (claims: ClaimedSources[]) => modelLinks(alignment.links, claims, alignment.source);

describe('model links', () => {
  it("take the model's ids where they exist and share content with the sentence", () => {
    const links = linked([{ sentence: textOf('findings'), sources: [4, 5] }]);
    expect(find(links, 'findings')).toMatchObject({ method: 'model', sources: [4, 5], supported: true });
    expect(find(links, 'findings').note).toBeUndefined();
  });

  it('link a reworded sentence the overlap alignment leaves unsupported', () => {
    // "They found 15 spots in our genes linked to fractures…" holds too few of the abstract's words.
    expect(find(alignment.links, 'findings', 1).supported).toBe(false);
    const links = linked([{ sentence: textOf('findings', 1), sources: [8] }]);
    expect(find(links, 'findings', 1)).toMatchObject({ method: 'model', sources: [8], supported: true });
  });

  it('fall back to overlap, saying why, for ids that do not exist or do not align', () => {
    const links = linked([
      { sentence: textOf('audience'), sources: [40] },
      { sentence: textOf('caveats[1]'), sources: [12] },
      { sentence: textOf('caveats[0]'), sources: [7, 99] },
      { sentence: textOf('headline'), sources: [] },
    ]);
    const audience = find(links, 'audience');
    expect(audience.method).toBe('overlap');
    expect(audience.sources).toEqual(find(alignment.links, 'audience').sources);
    expect(audience.note).toBe('source sentence 40 named by the model does not exist: linked by overlap');
    expect(find(links, 'caveats[1]').note).toBe(
      'source sentence 12 named by the model shares almost nothing with it: linked by overlap',
    );
    expect(find(links, 'caveats[0]')).toMatchObject({
      method: 'model',
      sources: [7],
      note: 'source sentence 99 named by the model does not exist: left out',
    });
    expect(find(links, 'headline').note).toMatch(/named no source sentence for it: linked by overlap/);
    expect(find(links, 'takeaway').note).toMatch(/gave no source sentences for it/);
  });

  it('find a sentence copied with other quotes, case or spacing, or inside a longer run', () => {
    const links = linked([
      { sentence: `  ${textOf('findings').toUpperCase()}  `, sources: [4] },
      { sentence: fractureSummary.takeaway.replace('very large', 'very  large'), sources: [13, 15] },
      { sentence: `${textOf('findings', 2)} ${textOf('findings', 3)}`, sources: [10] },
    ]);
    expect(find(links, 'findings').method).toBe('model');
    expect(find(links, 'takeaway')).toMatchObject({ method: 'model', sources: [13, 15] });
    expect(find(links, 'findings', 2)).toMatchObject({ method: 'model', sources: [10] });
  });
});

describe('model links on read', () => {
  it('stay when the aligner changes but the sentences are numbered the same way', () => {
    const links = linked([{ sentence: textOf('findings', 1), sources: [8] }]);
    const stored = { ...draftLinks({ ...alignment, links }), aligner: 'an-older-aligner' };
    const draft = { summary: fractureSummary, links: stored } as unknown as Draft;
    const read = withLinks(draft, record).links;
    expect(read?.aligner).not.toBe('an-older-aligner');
    expect(find(read?.links ?? [], 'findings', 1)).toMatchObject({ method: 'model', sources: [8] });
    // With another splitter the ids mean other sentences: aligned afresh.
    const other = withLinks({ ...draft, links: { ...stored, splitter: 'another-splitter' } }, record).links;
    expect(find(other?.links ?? [], 'findings', 1).method).toBe('overlap');
  });
});
