/**
 * The core slice end to end: a pasted abstract goes through the real ingest
 * and summarize workers on the real Redis, to a real local server speaking the
 * Chat Completions protocol, and lands in the review queue (or fails with a
 * reason a person can act on).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewDeps } from '../../src/review/deps.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { createPipeline, fractureText, type Pipeline } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

let llm: FakeOpenAi;
let p: Pipeline;
const API_KEY = 'sk-test-SECRET-never-shown';

beforeEach(async () => {
  llm = await startFakeOpenAi();
  p = await createPipeline({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: API_KEY,
    LLM_MODEL: 'test-model',
    LLM_TIMEOUT_MS: '1500',
    LLM_MAX_TOKENS: '2000',
    // These tests are about the summarize call; the simplify pass has its own (test/simplify.test.ts).
    READING_TARGET_GRADE: '16',
  });
  await p.start();
});

afterEach(async () => {
  await p.cleanup();
  await llm.close();
});

const submitFracture = () => p.submit({ kind: 'text', text: fractureText() });

describe('summarizing with an OpenAI-compatible server', () => {
  it('puts a schema-valid draft with provenance in the review queue', async () => {
    llm.script([reply(fractureSummary)]);
    const id = await submitFracture();
    const paper = await p.waitFor(id, ['pending_review']);
    expect(paper.record?.title).toMatch(
      /^Assessment of the genetic and clinical determinants of fracture risk/,
    );
    expect(paper.record?.abstract.map((s) => s.label)).toEqual([
      'OBJECTIVES',
      'DESIGN',
      'SETTING',
      'PARTICIPANTS',
      'RESULTS',
      'CONCLUSIONS',
    ]);
    const drafts = await p.ctx.store.drafts(id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.summary).toEqual(fractureSummary);
    expect(drafts[0]?.provenance).toMatchObject({
      provider: 'openai',
      model: 'test-model',
      promptVersion: 'summarize-v4',
      llmCalls: 1,
      repairs: 0,
      usage: { promptTokens: 812, completionTokens: 301, totalTokens: 1113 },
    });
    expect(drafts[0]?.checks.map((c) => c.id)).toContain('reading-level');
    const [request] = llm.chatRequests();
    expect(request?.response_format?.type).toBe('json_schema');
    expect(request?.max_tokens).toBe(2000);
    expect(request?.response_format?.json_schema?.name).toBe('lay_summary');
    // Only the JSON Schema subset OpenAI's strict mode accepts: length limits move into descriptions.
    const schema = JSON.stringify(request?.response_format?.json_schema?.schema);
    expect(request?.response_format?.json_schema?.strict).toBe(true);
    expect(schema).not.toMatch(/minLength|maxLength/);
    expect(schema).toContain('(10-120 characters)');
    expect(schema).toContain('"minItems":3');
    expect(request?.messages[1]?.content).toContain(
      'S8 (RESULTS): Of 15 fracture associated loci identified',
    );
    expect(llm.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('repairs an invalid reply by telling the model what was wrong', async () => {
    llm.script([reply({ ...fractureSummary, topics: ['bones'] }), reply(fractureSummary)]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    const requests = llm.chatRequests();
    expect(requests).toHaveLength(2);
    const repair = requests[1]?.messages.at(-1)?.content ?? '';
    expect(repair).toContain('topics');
    expect(repair).toMatch(/did not match the required schema/);
    expect(requests[1]?.messages.at(-2)).toMatchObject({ role: 'assistant' });
    const draft = await p.ctx.store.latestDraft(id);
    expect(draft?.provenance).toMatchObject({ llmCalls: 2, repairs: 1 });
  });

  it('repairs malformed JSON and a reply cut off by the length limit', async () => {
    llm.script([
      reply('{"headline": "Bone strength'),
      reply(JSON.stringify(fractureSummary).slice(0, 90), { finish: 'length' }),
      reply(fractureSummary),
    ]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    const requests = llm.chatRequests();
    expect(requests).toHaveLength(3);
    expect(requests[1]?.messages.at(-1)?.content).toMatch(/not valid JSON/);
    expect(requests[2]?.messages.at(-1)?.content).toMatch(/cut off/);
  });

  it('fails with an actionable reason after the repairs run out', async () => {
    llm.script([reply({ headline: 'x' })]);
    const id = await submitFracture();
    const paper = await p.waitFor(id, ['failed']);
    expect(llm.chatRequests()).toHaveLength(3); // the call plus 2 repairs
    expect(paper.reason).toMatch(/still invalid after 2 repair attempt/);
    expect(paper.reason).toMatch(/LLM_MODEL|laysum retry/);
    expect(await p.ctx.store.drafts(id)).toHaveLength(0);
  });

  it('fails with the refusal text when the model refuses', async () => {
    llm.script([{ kind: 'refusal', refusal: "I'm sorry, I can't help with that." }]);
    const id = await submitFracture();
    const paper = await p.waitFor(id, ['failed']);
    expect(paper.reason).toContain("I'm sorry, I can't help with that.");
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('waits out a 429 with retry-after, then succeeds without losing or duplicating the paper', async () => {
    llm.script([
      { kind: 'error', status: 429, message: 'Rate limit reached', headers: { 'retry-after': '1' } },
      reply(fractureSummary),
    ]);
    const started = Date.now();
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // honoured retry-after: 1
    expect(llm.chatRequests()).toHaveLength(2);
    expect(await p.ctx.store.drafts(id)).toHaveLength(1);
  });

  it('shows an operator that a paper is waiting out a rate limit, and until when, with no attempt used', async () => {
    llm.script([
      { kind: 'error', status: 429, message: 'Rate limit reached', headers: { 'retry-after': '120' } },
    ]);
    const id = await submitFracture();
    const { fleetNotices } = await import('../../src/store/llm-gate.ts');
    const until = Date.now() + 10_000;
    let notices: Awaited<ReturnType<typeof fleetNotices>> = [];
    while (Date.now() < until && notices.length === 0) {
      notices = await fleetNotices(redisOf(p.ctx), p.config.redis.prefix);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(notices[0]?.message).toMatch(/HTTP 429 \(rate limited\): every worker waits 120000 ms/);
    expect(Date.parse(notices[0]?.until ?? '') - Date.now()).toBeGreaterThan(100_000);
    const { jobStatus } = await import('../../src/queue/job-status.ts');
    const status = await jobStatus(p.ctx.queues, await p.ctx.store.require(id), p.config.workers.jobLockMs);
    expect(status).toMatchObject({ stage: 'summarize', attemptsMade: 0, attempts: 4 });
    expect((await p.ctx.store.require(id)).state).toBe('summarizing');
  });

  it('retries a 500 and succeeds', async () => {
    llm.script([{ kind: 'error', status: 500, message: 'upstream exploded' }, reply(fractureSummary)]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    expect(llm.chatRequests()).toHaveLength(2);
  });

  it('retries a reply slower than the timeout', async () => {
    llm.script([reply(fractureSummary, { delayMs: 2500 }), reply(fractureSummary)]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    expect(llm.chatRequests()).toHaveLength(2);
  });

  it('gives up on a server that keeps failing, with the reason, after the configured attempts', async () => {
    llm.script([{ kind: 'error', status: 503, message: 'overloaded' }]);
    const id = await submitFracture();
    const paper = await p.waitFor(id, ['failed']);
    expect(llm.chatRequests()).toHaveLength(4); // LLM_ATTEMPTS=4
    expect(paper.reason).toMatch(/gave up after 4 attempt/);
    expect(paper.reason).toMatch(/HTTP 503/);
    expect(paper.reason).toContain(`laysum retry ${id}`);
    // It gave up: the hint's "LaySum will retry with backoff." is no longer true.
    expect(paper.reason).not.toMatch(/will retry/i);
  });

  it('fails at once on 401 with a reason that names the setting but never the key', async () => {
    llm.script([{ kind: 'error', status: 401, message: `Incorrect API key provided: ${API_KEY}.` }]);
    const id = await submitFracture();
    const paper = await p.waitFor(id, ['failed']);
    expect(llm.chatRequests()).toHaveLength(1);
    expect(paper.reason).toMatch(/HTTP 401/);
    expect(paper.reason).toContain('OPENAI_API_KEY');
    expect(JSON.stringify(await p.ctx.store.audit(id))).not.toContain(API_KEY);
    expect(paper.reason).not.toContain(API_KEY);
  });
});

describe('retrying a failed paper', () => {
  it('puts it back through the summarizer once the problem is fixed', async () => {
    llm.script([
      { kind: 'error', status: 401, message: 'Incorrect API key provided' },
      reply(fractureSummary),
    ]);
    const id = await submitFracture();
    await p.waitFor(id, ['failed']);
    const { retry } = await import('../../src/review/decisions.ts');
    const state = await retry(reviewDeps(p.ctx), id, 'ops');
    expect(state).toBe('summarizing');
    await p.waitFor(id, ['pending_review']);
    expect(llm.chatRequests()).toHaveLength(2);
    expect((await p.ctx.store.audit(id)).map((a) => a.action)).toContain('retried');
  });
});

describe('requests the server rejects', () => {
  it('fails on a 400 to every output mode with a reason that points at the model setting', async () => {
    llm.script([
      {
        kind: 'error',
        status: 400,
        message: "The model 'test-model' does not support response_format json_schema",
      },
    ]);
    const id = await submitFracture();
    const paper = await p.waitFor(id, ['failed']);
    // LLM_OUTPUT_MODE=auto: json_schema, then json_object, then tools (test/llm-servers.test.ts).
    expect(llm.chatRequests()).toHaveLength(3);
    expect(paper.reason).toMatch(
      /rejected the request \(HTTP 400\): The model 'test-model' does not support/,
    );
    expect(paper.reason).toMatch(/LLM_MODEL/);
  });
});

describe('nothing lost, nothing duplicated', () => {
  it('does not create a second paper or a second LLM call for the same text', async () => {
    llm.script([reply(fractureSummary)]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    const again = await p.submit({ kind: 'text', text: `  ${fractureText().toUpperCase()}\n` });
    expect(again).toBe(id);
    expect(await p.ctx.store.count()).toBe(1);
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('ignores a duplicated summarize job for a version already written', async () => {
    llm.script([reply(fractureSummary)]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    await p.ctx.enqueue.summarize(id, 1);
    await p.workers?.untilIdle();
    expect(await p.ctx.store.drafts(id)).toHaveLength(1);
    expect(llm.chatRequests()).toHaveLength(1);
  });

  it('writes a new version with the reviewer notes in the prompt when changes are requested', async () => {
    llm.script([reply(fractureSummary)]);
    const id = await submitFracture();
    await p.waitFor(id, ['pending_review']);
    const { requestChanges } = await import('../../src/review/decisions.ts');
    await requestChanges(reviewDeps(p.ctx), id, 'dr-reviewer', {
      basedOn: 1,
      notes: 'Explain what bone mineral density means.',
    });
    await p.waitFor(id, ['pending_review']);
    const drafts = await p.ctx.store.drafts(id);
    expect(drafts.map((d) => d.version)).toEqual([1, 2]);
    expect(drafts[1]?.reviewerNotes).toBe('Explain what bone mineral density means.');
    expect(llm.chatRequests()[1]?.messages[1]?.content).toContain('Explain what bone mineral density means.');
  });
});
