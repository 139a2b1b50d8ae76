/**
 * A reviewer's edit of a verified draft, through the real workers, Redis and
 * the scripted server: the new version keeps the verdicts and model links of
 * the sentences left as they were and names the edited sentence as not
 * verified since the edit; the verifier is not called again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reviewDeps } from '../../src/review/deps.ts';
import { editDraft } from '../../src/review/edit.ts';
import { paperView } from '../../src/review/view.ts';
import { type FakeOpenAi, reply } from '../support/fake-openai.ts';
import { fractureText, type Pipeline } from '../support/harness.ts';
import { llmPipeline } from '../support/llm-pipeline.ts';
import { fractureSummary } from '../support/summaries.ts';
import { fractureVerdicts } from '../support/verdicts.ts';

let llm: FakeOpenAi | undefined;
let p: Pipeline | undefined;
afterEach(async () => {
  await p?.cleanup();
  await llm?.close();
  p = undefined;
  llm = undefined;
});

describe('an edit of a verified draft', () => {
  it('keeps the verdicts of unchanged sentences and marks the edited one not verified since the edit', async () => {
    ({ llm, p } = await llmPipeline([reply(fractureSummary), reply(fractureVerdicts)], {
      LLM_VERIFY: 'true',
      LLM_MAX_REPAIRS: '0',
    }));
    await p.start();
    const id = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(id, ['pending_review']);
    const [, ...rest] = fractureSummary.findings.split(/(?<=\.) /);
    const findings = ['Researchers pooled 25 cohorts.', ...rest].join(' ');
    await editDraft(reviewDeps(p.ctx), id, 'reviewer-1', 1, { findings });

    const view = await paperView(p.ctx.store, id);
    const v = view.draft?.verification;
    expect(view.draft?.version).toBe(2);
    expect(v?.carriedFrom).toBe(1);
    expect(v?.unverified).toEqual([
      { field: 'findings', sentence: 0, text: 'Researchers pooled 25 cohorts.' },
    ]);
    expect(v?.verdicts.some((x) => x.field === 'findings' && x.sentence === 0)).toBe(false);
    expect(v?.verdicts.find((x) => x.field === 'headline')?.label).toBe('overgeneralised');
    const check = view.draft?.checks.find((c) => c.id === 'verifier');
    expect(check?.message).toMatch(/not verified since the edit/);
    expect(llm?.chatRequests()).toHaveLength(2);
  });
});
