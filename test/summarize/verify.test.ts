/**
 * The LLM verifier (LLM_VERIFY=true) against the scripted Chat Completions
 * server, through the real workers on the real Redis: its verdicts are stored
 * on the draft and shown as a check naming the draft sentence, the source
 * sentence and what differs; ids it makes up are set aside and named; a failed
 * call leaves the draft in review with a note; its call is counted in the
 * ledger and the draft's cost; every output mode sends a schema strict mode takes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { type FakeOpenAi, reply, type Step } from '../support/fake-openai.ts';
import { fractureText, type Pipeline } from '../support/harness.ts';
import { llmPipeline } from '../support/llm-pipeline.ts';
import { fractureSummary } from '../support/summaries.ts';
import { fractureVerdicts as verdicts } from '../support/verdicts.ts';

let llm: FakeOpenAi | undefined;
let p: Pipeline | undefined;

afterEach(async () => {
  await p?.cleanup();
  await llm?.close();
  p = undefined;
  llm = undefined;
});

async function draftWith(steps: Step[], env: Record<string, string> = {}) {
  ({ llm, p } = await llmPipeline(steps, { LLM_VERIFY: 'true', LLM_MAX_REPAIRS: '0', ...env }));
  await p.start();
  const id = await p.submit({ kind: 'text', text: fractureText() });
  await p.waitFor(id, ['pending_review']);
  const [draft] = await p.ctx.store.drafts(id);
  if (!draft) throw new Error('no draft');
  return { id, draft };
}

describe('the LLM verifier', () => {
  it('stores verdicts on the draft and shows them as check flags naming both sentences', async () => {
    const { draft } = await draftWith([reply(fractureSummary), reply(verdicts)]);
    const [, verifyRequest] = llm?.chatRequests() ?? [];
    expect(verifyRequest?.response_format?.json_schema?.name).toBe('sentence_verdicts');
    expect(verifyRequest?.messages[0]?.content).toMatch(/You check a plain-language summary/);
    const user = verifyRequest?.messages[1]?.content ?? '';
    expect(user).toContain('S4 (SETTING): 25 cohorts from Europe');
    expect(user).toContain('D1 (headline): Bone Strength, Not Vitamin D, Drives Fracture Risk');
    expect(user).toContain('D13 (interest rationale):');

    expect(draft.verification).toMatchObject({
      promptVersion: 'verify-v1',
      model: 'test-model',
      status: 'done',
    });
    const check = draft.checks.find((c) => c.id === 'verifier');
    expect(check?.status).toBe('warn');
    const flags = check?.flags ?? [];
    const headline = flags.find((f) => f.field === 'headline');
    expect(headline?.text).toBe(fractureSummary.headline);
    expect(headline?.source.map((s) => s.id)).toEqual([14]);
    expect(headline?.source[0]?.text).toMatch(/^Among the clinical risk factors for fracture assessed/);
    expect(headline?.differs).toMatch(/^overgeneralised: says bone strength drives fracture risk/);
    const findings = flags.find((f) => f.field === 'findings' && f.sentence === 0);
    expect(findings?.differs).toMatch(/^contradicts the source: says 37 857 people/);
    expect(findings?.source.map((s) => s.id)).toEqual([5, 4]);
    expect(check?.message).toMatch(/flagged by test-model/);
  });

  it('sets aside ids that do not exist and says so', async () => {
    const { draft } = await draftWith([reply(fractureSummary), reply(verdicts)]);
    const v = draft.verification;
    const problems = v?.problems.join('\n') ?? '';
    expect(problems).toMatch(/draft sentence D30, which does not exist/);
    expect(problems).toMatch(/findings sentence 2 named source sentence 99, which does not exist/);
    expect(problems).toMatch(/second verdict for takeaway sentence 1 was set aside/);
    expect(problems).toMatch(/no verdict for interest rationale sentence 1: read it yourself/);
    // The first verdict on D2 is kept; 99 is dropped from D4's sources.
    expect(v?.verdicts.find((x) => x.field === 'takeaway')?.label).toBe('supported');
    expect(v?.verdicts.find((x) => x.field === 'findings' && x.sentence === 1)).toMatchObject({
      sources: [8],
      unknownSources: [99],
    });
    // "Supported" with only a made-up id is not taken on trust.
    const flags = draft.checks.find((c) => c.id === 'verifier')?.flags ?? [];
    const made = flags.find((f) => f.field === 'findings' && f.sentence === 2);
    expect(made?.differs).toMatch(/called supported, but no source sentence was named \(it named 42/);
    expect(flags.some((f) => f.field === 'takeaway')).toBe(false);
    expect(draft.notesForReviewer.join(' ')).toMatch(/The verifier's answer was not all usable/);
  });

  it('never costs the draft when its call fails: the draft goes to review with a note', async () => {
    const { draft } = await draftWith([
      reply(fractureSummary),
      { kind: 'error', status: 500, message: 'upstream exploded' },
    ]);
    expect(draft.summary).toEqual(fractureSummary);
    expect(draft.verification).toMatchObject({ status: 'failed', verdicts: [] });
    expect(draft.verification?.problems[0]).toMatch(/500/);
    const check = draft.checks.find((c) => c.id === 'verifier');
    expect(check?.status).toBe('warn');
    expect(check?.message).toMatch(/The verifier did not run .*offline checks only/);
    expect(draft.notesForReviewer.join(' ')).toMatch(/The LLM verifier failed/);
    // The offline checks are all there.
    expect(draft.checks.map((c) => c.id)).toContain('numbers');
    expect(llm?.chatRequests()).toHaveLength(2);
  });

  it('counts its call like any call: the ledger, the draft tokens and its cost', async () => {
    const { draft } = await draftWith([reply(fractureSummary), reply(verdicts)], {
      LLM_PRICES: '{"test-model":{"input":1,"output":2}}',
    });
    // Two calls of 812 prompt + 301 completion tokens at $1 and $2 per million.
    expect(draft.provenance.llmCalls).toBe(2);
    expect(draft.provenance.usage.totalTokens).toBe(2 * 1113);
    expect(draft.provenance.costUsd).toBeCloseTo((2 * (812 * 1 + 301 * 2)) / 1e6, 9);
    if (!p) throw new Error('no pipeline');
    const [today] = await p.ctx.fleet.ledger.byDay(1);
    expect(today).toMatchObject({ calls: 2, total_tokens: 2 * 1113 });
  });

  it.each(['json_object', 'tools'] as const)('works in the %s output mode', async (mode) => {
    const { draft } = await draftWith([reply(fractureSummary), reply(verdicts)], { LLM_OUTPUT_MODE: mode });
    expect(draft.verification?.status).toBe('done');
    expect(draft.verification?.verdicts.find((v) => v.field === 'headline')?.label).toBe('overgeneralised');
    const [, request] = llm?.chatRequests() ?? [];
    if (mode === 'tools') expect(request?.tools?.[0]?.function.name).toBe('sentence_verdicts');
    else expect(request?.messages[0]?.content).toMatch(/matches this JSON Schema:\n\{/);
  });

  it('sends a schema OpenAI strict mode accepts', async () => {
    await draftWith([reply(fractureSummary), reply(verdicts)], { LLM_OUTPUT_MODE: 'json_schema' });
    const format = llm?.chatRequests()[1]?.response_format?.json_schema;
    expect(format?.strict).toBe(true);
    const schema = JSON.stringify(format?.schema);
    expect(schema).not.toMatch(/minLength|maxLength|"default"|"\$ref"/);
    expect(format?.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['verdicts'],
    });
    expect(schema).toContain('"enum":["supported","overgeneralised","not_in_source","contradicts"]');
  });
});

describe('LLM_VERIFY', () => {
  it('needs a model, and says how to give it one', () => {
    expect(() => parseEnv({ LLM_VERIFY: 'true' })).toThrow(/LLM_VERIFY.*OPENAI_API_KEY.*OPENAI_BASE_URL/s);
    expect(parseEnv({ LLM_VERIFY: 'true', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }).llm.verify).toBe(true);
    expect(parseEnv({}).llm.verify).toBe(false);
  });
});
