/**
 * The summarize call's source ids, end to end on the scripted server in each
 * output mode: the prompt numbers the source sentences, the request's schema
 * asks for the ids (strict-mode clean), the stored links use the ids that
 * hold up (`method: 'model'`), the rest fall back to overlap with a note, and
 * a reply without ids is still a draft, with no repair call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SentenceLink } from '../../src/domain/links.ts';
import { reviewDeps } from '../../src/review/deps.ts';
import { editDraft } from '../../src/review/edit.ts';
import { paperView } from '../../src/review/view.ts';
import { type FakeOpenAi, reply } from '../support/fake-openai.ts';
import { fractureText, type Pipeline } from '../support/harness.ts';
import { llmPipeline } from '../support/llm-pipeline.ts';
import { fractureSummary } from '../support/summaries.ts';

let llm: FakeOpenAi | undefined;
let p: Pipeline | undefined;
afterEach(async () => {
  await p?.cleanup();
  await llm?.close();
  p = undefined;
  llm = undefined;
});

const findings = fractureSummary.findings.split(/(?<=\.) /);
const withSources = {
  ...fractureSummary,
  sentenceSources: [
    { sentence: fractureSummary.headline, sources: [14] },
    { sentence: findings[0], sources: [4, 5] },
    { sentence: findings[1], sources: [8] },
    { sentence: fractureSummary.caveats[1], sources: [12] },
    { sentence: fractureSummary.caveats[0], sources: [7, 99] },
    { sentence: fractureSummary.audience.split('. ')[0], sources: [40] },
  ],
};

async function draftWith(body: unknown, mode: string) {
  const { draft } = await drafted(body, mode);
  return draft;
}
async function drafted(body: unknown, mode: string) {
  ({ llm, p } = await llmPipeline([reply(body)], { LLM_OUTPUT_MODE: mode, LLM_MAX_REPAIRS: '0' }));
  await p.start();
  const id = await p.submit({ kind: 'text', text: fractureText() });
  await p.waitFor(id, ['pending_review']);
  const [draft] = await p.ctx.store.drafts(id);
  if (!draft) throw new Error('no draft');
  return { draft, id, p };
}
const link = (links: SentenceLink[] | undefined, field: string, sentence = 0) =>
  links?.find((l) => l.field === field && l.sentence === sentence);

describe.each(['json_schema', 'json_object', 'tools'])("the model's source ids (%s)", (mode) => {
  it('become model links where they exist and align; the rest fall back to overlap, with a note', async () => {
    const draft = await draftWith(withSources, mode);
    expect(draft.summary).toEqual(fractureSummary);
    expect(draft.provenance).toMatchObject({ promptVersion: 'summarize-v4', llmCalls: 1 });
    const links = draft.links?.links;
    expect(link(links, 'findings', 0)).toMatchObject({ method: 'model', sources: [4, 5], supported: true });
    // Reworded past what shared words can show: the model's id links it.
    expect(link(links, 'findings', 1)).toMatchObject({ method: 'model', sources: [8], supported: true });
    expect(link(links, 'caveats[0]')).toMatchObject({ method: 'model', sources: [7] });
    expect(link(links, 'audience')?.method).toBe('overlap');
    expect(link(links, 'caveats[1]')?.method).toBe('overlap');
    const note = draft.notesForReviewer.join(' ');
    expect(note).toMatch(/Sentence links: \d+ of 13 sentences linked by the model's source numbers/);
    expect(note).toMatch(/takeaway sentence 1: the model gave no source sentences for it: linked by overlap/);
    expect(link(links, 'audience')?.note).toBe(
      'source sentence 40 named by the model does not exist: linked by overlap',
    );
    expect(link(links, 'caveats[1]')?.note).toMatch(
      /^source sentence 12 named by the model shares almost nothing/,
    );
    expect(link(links, 'caveats[0]')?.note).toBe(
      'source sentence 99 named by the model does not exist: left out',
    );

    const [request] = llm?.chatRequests() ?? [];
    const user = request?.messages[1]?.content ?? '';
    expect(user).toContain('S8 (RESULTS): Of 15 fracture associated loci identified');
    expect(user).toContain('S1 (title): Assessment of the genetic');
    const schema =
      mode === 'tools'
        ? request?.tools?.[0]?.function.parameters
        : mode === 'json_schema'
          ? request?.response_format?.json_schema?.schema
          : JSON.parse(
              /matches this JSON Schema:\n(.*)$/s.exec(request?.messages[0]?.content ?? '')?.[1] ?? '{}',
            );
    expect(schema).toMatchObject({
      required: expect.arrayContaining(['sentenceSources']),
      additionalProperties: false,
    });
    expect(JSON.stringify(schema)).not.toMatch(/"default"|minLength|maxLength/);
  });
});

describe('a reply without source ids', () => {
  it('is still a draft, linked by overlap, with no repair call and a note', async () => {
    const draft = await draftWith(fractureSummary, 'json_schema');
    expect(draft.provenance.llmCalls).toBe(1);
    expect(draft.links?.links.every((l) => l.method === 'overlap')).toBe(true);
    expect(draft.notesForReviewer.join(' ')).toMatch(/The model named no source sentences/);
  });
});

describe('an edit', () => {
  it("keeps the model's links for the sentences it leaves as they were and aligns the rest afresh", async () => {
    const { id, p: pipeline } = await drafted(withSources, 'json_schema');
    const findings = `Researchers pooled 25 cohorts with 37 857 fracture cases. ${fractureSummary.findings
      .split(/(?<=\.) /)
      .slice(1)
      .join(' ')}`;
    await editDraft(reviewDeps(pipeline.ctx), id, 'reviewer-1', 1, { findings });
    const view = await paperView(pipeline.ctx.store, id);
    const links = view.draft?.links?.links;
    expect(view.draft?.version).toBe(2);
    expect(link(links, 'findings', 0)?.method).toBe('overlap');
    expect(link(links, 'findings', 1)).toMatchObject({ method: 'model', sources: [8] });
    expect(link(links, 'caveats[0]')).toMatchObject({ method: 'model', sources: [7] });
  });
});

describe("a new draft's checks", () => {
  it("read the model's links for the sentences they were accepted for, as after an edit", async () => {
    const wrong = findings[1]?.replace('15 spots', '51 spots') ?? '';
    const body = {
      ...withSources,
      findings: [findings[0], wrong, ...findings.slice(2)].join(' '),
      sentenceSources: withSources.sentenceSources.map((s) =>
        s.sentence === findings[1] ? { ...s, sentence: wrong } : s,
      ),
    };
    const draft = await draftWith(body, 'json_schema');
    expect(link(draft.links?.links, 'findings', 1)).toMatchObject({ method: 'model', sources: [8] });
    const flags = draft.checks.find((c) => c.id === 'numbers')?.flags ?? [];
    const flag = flags.find((f) => f.field === 'findings' && f.sentence === 1);
    expect(flag?.linkedBy).toBe('model');
  });
});
