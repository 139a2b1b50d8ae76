/**
 * What real OpenAI-compatible servers and models send (LM Studio, Ollama,
 * vLLM, llama.cpp, gateways), scripted on the local Chat Completions server:
 * each ends with a draft, at no more than one extra call per paper beyond a
 * plain reply (a fine reply costs no repair call), counted on the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatUsage } from '../../src/cli/commands/usage.ts';
import { renderMetrics } from '../../src/http/metrics.ts';
import { createLogger } from '../../src/log/logger.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { learnedModes } from '../../src/store/llm-modes.ts';
import { UsageLedger } from '../../src/store/llm-usage.ts';
import { usageReport } from '../../src/store/usage-report.ts';
import { type FakeOpenAi, type FakeOptions, reply, type Step } from '../support/fake-openai.ts';
import { fixture, fractureText, type Pipeline } from '../support/harness.ts';
import { llmPipeline } from '../support/llm-pipeline.ts';
import { fractureSummary } from '../support/summaries.ts';

let llm: FakeOpenAi | undefined;
let p: Pipeline | undefined;
let lines: string[] = [];

afterEach(async () => {
  await p?.cleanup();
  await llm?.close();
  p = undefined;
  llm = undefined;
  lines = [];
});

async function pipeline(steps: Step[], env: Record<string, string> = {}, options: FakeOptions = {}) {
  ({ llm, p } = await llmPipeline(
    steps,
    { LLM_MODEL: 'local-model', LLM_MAX_TOKENS: '2000', ...env },
    options,
  ));
  const log = createLogger(
    { ...p.config, log: { level: 'info', format: 'json' } },
    { name: 'worker', destination: { write: (line) => lines.push(line) } },
  );
  await p.start({ stages: ['ingest', 'summarize'], log });
  return { llm, p };
}

const json = JSON.stringify(fractureSummary);

/** Submit the fracture abstract and wait for its draft; the calls the server saw. */
async function draftOnce(steps: Step[], env: Record<string, string> = {}, options: FakeOptions = {}) {
  const { llm, p } = await pipeline(steps, env, options);
  const id = await p.submit({ kind: 'text', text: fractureText() });
  const paper = await p.waitFor(id, ['pending_review', 'failed']);
  const draft = await p.ctx.store.latestDraft(id);
  return { paper, draft, requests: llm.chatRequests(), id };
}

describe('replies a plain JSON parser would refuse', () => {
  it('1. JSON inside a ```json fence: drafted from one call', async () => {
    const { paper, draft, requests } = await draftOnce([reply(`\`\`\`json\n${json}\n\`\`\``)]);
    expect(paper.state).toBe('pending_review');
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests).toHaveLength(1);
  });

  it('2. reasoning first (<think>, braces and all) and a reasoning_content field: the answer alone is read', async () => {
    const thinking =
      '<think>The user wants JSON like {"headline": "..."}; I should keep it plain.</think>\n\n';
    const decoy = { ...fractureSummary, headline: 'Not the answer: this is the reasoning field' };
    const { draft, requests } = await draftOnce([
      reply(`${thinking}${json}`, { reasoning: JSON.stringify(decoy) }),
    ]);
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests).toHaveLength(1);
  });

  it('2b. <thinking> and <reasoning> blocks, and a reply that starts after an unopened </think>', async () => {
    const { p, llm } = await pipeline([
      reply(`<thinking>Plan: {a, b}.</thinking>${json}`),
      reply(`<reasoning>\nFirst {x}\n</reasoning>\n${json}`),
      reply(`the rest of a thought started in the template…</think>\n${json}`),
    ]);
    const texts = [
      'abstracts/pmid-28775130.txt',
      'abstracts/pmid-22454523.txt',
      'abstracts/pmid-29768149.txt',
    ];
    for (const [i, file] of texts.entries()) {
      const id = await p.submit({ kind: 'text', text: fixture(file) });
      expect((await p.waitFor(id, ['pending_review', 'failed'])).state).toBe('pending_review');
      expect(llm.chatRequests()).toHaveLength(i + 1); // one call per paper, no repair
    }
  });

  it('3. prose around the JSON: drafted from one call', async () => {
    const { draft, requests } = await draftOnce([
      reply(`Here is the lay summary you asked for:\n\n${json}\n\nLet me know if you want changes!`),
    ]);
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests).toHaveLength(1);
  });

  it('4. integers sent as strings where the schema wants integers: read as numbers, no repair', async () => {
    const stringly = JSON.stringify(fractureSummary).replace(/"score":(\d)/g, '"score":"$1"');
    expect(stringly).toContain('"score":"4"');
    const { draft, requests } = await draftOnce([reply(stringly)]);
    expect(draft?.summary.ratings.credibility.score).toBe(4);
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests).toHaveLength(1);
  });
});

describe('5. a server that refuses response_format json_schema', () => {
  it('falls back to json_object by itself, remembers it for the fleet, logs it once, shows it in status and metrics', async () => {
    const { p, llm } = await pipeline([reply(json)], {}, { accepts: ['json_object', 'tools'] });
    const first = await p.submit({ kind: 'text', text: fractureText() });
    expect((await p.waitFor(first, ['pending_review', 'failed'])).state).toBe('pending_review');
    // The refused request and the reply: one extra request for the first paper only.
    expect(llm.chatRequests().map((r) => r.response_format?.type)).toEqual(['json_schema', 'json_object']);
    expect(llm.chatRequests()[1]?.messages[0]?.content).toMatch(/matches this JSON Schema/);

    const second = await p.submit({ kind: 'text', text: fixture('abstracts/pmid-28775130.txt') });
    expect((await p.waitFor(second, ['pending_review', 'failed'])).state).toBe('pending_review');
    expect(llm.chatRequests()).toHaveLength(3);
    expect(llm.chatRequests()[2]?.response_format?.type).toBe('json_object');

    const told = lines.filter((l) => l.includes('LaySum now asks it in json_object mode'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('refused json_schema for local-model');

    const [learned] = await learnedModes(redisOf(p.ctx), p.config.redis.prefix);
    expect(learned).toMatchObject({ model: 'local-model', mode: 'json_object', refused: ['json_schema'] });
    const status = formatUsage(await usageReport(redisOf(p.ctx), p.config, 1));
    expect(status).toMatch(/output mode: auto/);
    expect(status).toContain(`${llm.baseURL} local-model: json_object (it refused json_schema`);
    const metrics = await renderMetrics({
      config: p.config,
      store: p.ctx.store,
      queues: p.ctx.queues,
      fleet: p.ctx.fleet,
    });
    expect(metrics.body).toContain(
      `laysum_llm_output_mode{server="${llm.baseURL}",model="local-model",mode="json_object"} 1`,
    );
  });

  it('an older llama.cpp server refusing json_schema with HTTP 500 steps down too, not retried blind', async () => {
    const refusal: Step = {
      kind: 'error',
      status: 500,
      message: 'response_format type must be one of "text" or "json_object", but got: json_schema',
    };
    const { paper, draft, requests } = await draftOnce([refusal, reply(json)]);
    expect(paper.state).toBe('pending_review');
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests.map((r) => r.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });

  it('steps down to tools when json_object is refused too', async () => {
    const { paper, draft, requests } = await draftOnce([reply(json)], {}, { accepts: ['tools'] });
    expect(paper.state).toBe('pending_review');
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests.map((r) => (r.tools ? 'tools' : r.response_format?.type))).toEqual([
      'json_schema',
      'json_object',
      'tools',
    ]);
  });

  it('LLM_OUTPUT_MODE set to a mode overrides: no fallback, and the failure says what to do', async () => {
    const { paper, requests } = await draftOnce(
      [reply(json)],
      { LLM_OUTPUT_MODE: 'json_schema' },
      { accepts: ['json_object'] },
    );
    expect(paper.state).toBe('failed');
    expect(requests).toHaveLength(1);
    expect(paper.reason).toMatch(/HTTP 400/);
    expect(paper.reason).toMatch(/LLM_OUTPUT_MODE=json_schema: no other output mode was tried/);
    expect(paper.reason).toMatch(/set LLM_OUTPUT_MODE=auto/);
  });

  it('a server that refuses every mode fails with the modes it refused', async () => {
    const { paper, requests } = await draftOnce([
      { kind: 'error', status: 400, message: 'Unsupported param: response_format' },
    ]);
    expect(paper.state).toBe('failed');
    expect(requests).toHaveLength(3);
    expect(paper.reason).toMatch(/refused the json_schema and json_object output mode/);
    expect(paper.reason).toMatch(/LLM_OUTPUT_MODE/);
  });
});

const gatewayError: Step = {
  kind: 'raw',
  status: 200,
  body: JSON.stringify({ error: { message: 'Upstream provider returned 502', code: 502 } }),
};

describe('6. a gateway answering HTTP 200 with an error and no choices', () => {
  it('is retried by the queue like a 5xx, never sent to the model as something to repair', async () => {
    const { paper, draft, requests } = await draftOnce([gatewayError, reply(json)]);
    expect(paper.state).toBe('pending_review');
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.messages).toHaveLength(2); // system + user: no repair turn
    expect(draft?.provenance).toMatchObject({ llmCalls: 1, repairs: 0 });
    if (!p) throw new Error('no pipeline');
    // In the ledger as a failed call, not as an answer.
    const [today] = await new UsageLedger(redisOf(p.ctx), p.config.redis.prefix).byDay(1);
    expect(today).toMatchObject({ calls: 2, errors: 1 });
  });

  it('gives up after LLM_ATTEMPTS with the gateway’s message', async () => {
    const { paper, requests } = await draftOnce([gatewayError], { LLM_ATTEMPTS: '3' });
    expect(paper.state).toBe('failed');
    expect(requests).toHaveLength(3);
    expect(paper.reason).toMatch(
      /answered HTTP 200 with an error instead of a reply: Upstream provider returned 502/,
    );
    expect(paper.reason).toMatch(/gave up after 3 attempt/);
  });
});

describe('7. a reasoning model that spends its first call thinking', () => {
  const thinkingOnly = reply('', {
    finish: 'length',
    reasoning: 'Okay, so the user wants a lay summary. '.repeat(40),
  });

  it('retries once with a larger token budget, and drafts', async () => {
    const { paper, draft, requests } = await draftOnce([thinkingOnly, reply(json)]);
    expect(paper.state).toBe('pending_review');
    expect(draft?.summary).toEqual(fractureSummary);
    expect(requests.map((r) => r.max_tokens)).toEqual([2000, 8192]);
    expect(requests[1]?.messages).toHaveLength(2); // the same request, not a repair
  });

  it('fails after the larger budget too, naming LLM_MAX_TOKENS', async () => {
    const { paper, requests } = await draftOnce([thinkingOnly]);
    expect(paper.state).toBe('failed');
    expect(requests).toHaveLength(2);
    expect(paper.reason).toMatch(/without answering/);
    expect(paper.reason).toMatch(/Raise LLM_MAX_TOKENS \(now 2000/);
  });
});

describe('8. replies without usage', () => {
  it('are estimated from the text for limits, ledger and cost, and marked estimated', async () => {
    const { draft, requests, id } = await draftOnce([reply(json, { noUsage: true })], {
      LLM_PRICES: '{"local-model":{"input":1,"output":2}}',
    });
    expect(requests).toHaveLength(1);
    const usage = draft?.provenance.usage;
    expect(usage?.estimated).toBe(true);
    // About 4 characters a token: the reply's JSON and the request's messages.
    expect(usage?.completionTokens).toBe(Math.ceil(json.length / 4));
    expect(usage?.promptTokens).toBeGreaterThan(Math.ceil(fractureText().length / 4));
    expect(draft?.provenance.costUsd).toBeGreaterThan(0);
    if (!p) throw new Error('no pipeline');
    const [today] = await new UsageLedger(redisOf(p.ctx), p.config.redis.prefix).byDay(1);
    expect(today).toMatchObject({ calls: 1, estimated_calls: 1, total_tokens: usage?.totalTokens });
    expect(formatUsage(await usageReport(redisOf(p.ctx), p.config, 1))).toMatch(
      /1 call\(s\) came back without usage: their tokens and cost are estimated/,
    );
    expect(id).toBeTruthy();
  });
});
