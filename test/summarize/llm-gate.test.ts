/**
 * What the fleet's LLM gate promises, on the real Redis and a scripted
 * provider: 429s cost no attempts, the cache answers a call it has seen, a
 * spent daily budget pauses summarizing (papers wait) until it is raised, and
 * every output mode (and the fallback models) yields a valid draft.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { type Config, withOverrides } from '../../src/config/env.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createContext, redisOf } from '../../src/runtime/context.ts';
import { createSummarizer } from '../../src/runtime/summarizer.ts';
import { createRedisLlmGate, fleetNotices } from '../../src/store/llm-gate.ts';
import { UsageLedger } from '../../src/store/llm-usage.ts';
import { durationMs, rateLimitWaitMs } from '../../src/summarize/llm-errors.ts';
import { startWorkers } from '../../workers/run.ts';
import {
  type FakeOpenAi,
  type FakeOptions,
  reply,
  type Step,
  startFakeOpenAi,
} from '../support/fake-openai.ts';
import { createPipeline, fractureText, type Pipeline, removePrefix, testConfig } from '../support/harness.ts';
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

async function pipeline(steps: Step[], env: Record<string, string> = {}, options: FakeOptions = {}) {
  ({ llm, p } = await llmPipeline(steps, env, options));
  return { llm, p };
}

const rateLimited = (seconds: string): Step => ({
  kind: 'error',
  status: 429,
  message: 'Rate limit reached for requests',
  headers: { 'retry-after': seconds },
});

describe('429s', () => {
  it('a storm of 429s costs the paper no attempts and pauses the fleet for retry-after', async () => {
    const storm = Array.from({ length: 6 }, () => rateLimited('0.2'));
    const { llm, p } = await pipeline([...storm, reply(fractureSummary)], { LLM_ATTEMPTS: '2' });
    await p.start();
    const id = await p.submit({ kind: 'text', text: fractureText() });
    const paper = await p.waitFor(id, ['pending_review', 'failed'], 30_000);
    expect(paper.state).toBe('pending_review');
    expect(llm.chatRequests()).toHaveLength(7);
    const jobId = `summarize-${id}-v1`;
    // The draft is written before BullMQ marks the job completed (and counts that attempt).
    for (let i = 0; i < 100 && (await p.ctx.queues.summarize.getJobState(jobId)) !== 'completed'; i++)
      await new Promise((r) => setTimeout(r, 20));
    const job = await p.ctx.queues.summarize.getJob(jobId);
    // Only the successful attempt was counted: six 429s with LLM_ATTEMPTS=2 would otherwise have failed it.
    expect(job?.attemptsMade).toBe(1);
    const [today] = await new UsageLedger(redisOf(p.ctx), p.config.redis.prefix).byDay(1);
    expect(today).toMatchObject({ calls: 7, rate_limited: 6 });
  });

  it("reads the provider's wait from retry-after-ms, retry-after or x-ratelimit-reset-*", () => {
    expect(durationMs('6m0s')).toBe(360_000);
    expect(durationMs('1.5s')).toBe(1500);
    expect(durationMs('20ms')).toBe(20);
    expect(durationMs('soon')).toBeUndefined();
    expect(rateLimitWaitMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(rateLimitWaitMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(
      rateLimitWaitMs(
        new Headers({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }),
      ),
    ).toBe(360_000);
    expect(rateLimitWaitMs(new Headers())).toBeUndefined();
  });
});

describe('the cache', () => {
  it('answers the same source, prompt version, model and notes without a second call, shown in provenance', async () => {
    llm = await startFakeOpenAi([reply(fractureSummary)]);
    const config = openAiConfig(llm, {});
    const ctx = await createContext(config);
    try {
      const p0 = await createPipeline({ LLM_PROVIDER: 'extractive' });
      const id = await p0.submit({ kind: 'text', text: fractureText() });
      await p0.start();
      const paper = await p0.waitFor(id, ['pending_review']);
      await p0.cleanup();
      if (!paper.record) throw new Error('no record');
      const summarizer = createSummarizer(config, redisOf(ctx));
      const input = { record: paper.record, reviewerNotes: null, previous: null };
      const first = await summarizer.summarize(input);
      const second = await summarizer.summarize(input);
      expect(llm.chatRequests()).toHaveLength(1);
      expect(first.provenance).toMatchObject({ llmCalls: 1, cacheHits: 0 });
      expect(second.provenance).toMatchObject({ llmCalls: 0, cacheHits: 1, usage: { totalTokens: 0 } });
      expect(second.summary).toEqual(first.summary);
      // Reviewer notes change the prompt: a new call.
      await summarizer.summarize({ ...input, reviewerNotes: 'Say who took part.', previous: first.summary });
      expect(llm.chatRequests()).toHaveLength(2);
      const [today] = await new UsageLedger(redisOf(ctx), config.redis.prefix).byDay(1);
      expect(today).toMatchObject({ calls: 2, cache_hits: 1 });
    } finally {
      await removePrefix(redisOf(ctx), config.redis.prefix);
      await ctx.close();
    }
  });
});

describe('the daily budget', () => {
  it('pauses summarizing once spent (papers wait, no attempt used), and resumes when raised', async () => {
    const { llm, p } = await pipeline([reply(fractureSummary)], {
      LLM_DAILY_TOKEN_BUDGET: '1000',
      SUMMARIZE_CONCURRENCY: '1',
    });
    await p.start();
    const first = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(first, ['pending_review']);
    const second = await p.submit({ kind: 'text', text: `${fractureText()}\n\nA second abstract.` });
    const until = Date.now() + 15_000;
    let notices: Awaited<ReturnType<typeof fleetNotices>> = [];
    while (notices.length === 0 && Date.now() < until) {
      notices = await fleetNotices(redisOf(p.ctx), p.config.redis.prefix);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(notices[0]?.message).toMatch(/Summarizing is paused: today's LLM token budget/);
    expect((await p.ctx.store.require(second)).state).toBe('summarizing');
    expect(llm.chatRequests()).toHaveLength(1);
    expect((await p.ctx.queues.summarize.getJob(`summarize-${second}-v1`))?.attemptsMade).toBe(0);

    // The operator raises the budget and restarts the workers.
    await p.workers?.close();
    const raised = await createContext(
      withOverrides(p.config, { LLM_DAILY_TOKEN_BUDGET: '100000' }),
      'worker',
    );
    const workers = await startWorkers(raised, {
      stages: ['summarize'],
      log: createLogger(raised.config, { name: 'worker' }),
    });
    try {
      await p.waitFor(second, ['pending_review'], 20_000);
      expect(llm.chatRequests()).toHaveLength(2);
    } finally {
      await workers.close();
      await raised.close();
    }
  });
});

function openAiConfig(server: FakeOpenAi, env: Record<string, string>): Config {
  return testConfig({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: server.baseURL,
    LLM_MODEL: 'test-model',
    LLM_TIMEOUT_MS: '3000',
    READING_TARGET_GRADE: '16',
    ...env,
  });
}

describe('output modes and fallback models', () => {
  const modes = ['json_schema', 'json_object', 'tools'] as const;
  for (const mode of modes) {
    it(`drafts in ${mode} mode against a server that accepts only ${mode}`, async () => {
      const { llm, p } = await pipeline(
        [reply(fractureSummary)],
        { LLM_OUTPUT_MODE: mode },
        { accepts: [mode] },
      );
      await p.start();
      const id = await p.submit({ kind: 'text', text: fractureText() });
      await p.waitFor(id, ['pending_review']);
      expect((await p.ctx.store.drafts(id))[0]?.summary).toEqual(fractureSummary);
      const [request] = llm.chatRequests();
      if (mode === 'tools') expect(request?.tools?.[0]?.function.name).toBe('lay_summary');
      else expect(request?.response_format?.type).toBe(mode);
      if (mode === 'json_object') expect(request?.messages[0]?.content).toMatch(/matches this JSON Schema/);
    });
  }

  it('repairs an invalid tool call in tools mode', async () => {
    const { llm, p } = await pipeline([reply({ headline: 'x' }), reply(fractureSummary)], {
      LLM_OUTPUT_MODE: 'tools',
    });
    await p.start();
    const id = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(id, ['pending_review']);
    const repair = llm.chatRequests()[1];
    expect(repair?.messages.at(-1)).toMatchObject({ role: 'tool' });
  });

  it('tries LLM_FALLBACK_MODELS in order when the model is unavailable or refuses the mode', async () => {
    const { llm, p } = await pipeline(
      [reply(fractureSummary)],
      { LLM_MODEL: 'gone-model', LLM_FALLBACK_MODELS: 'other-model, backup-model' },
      { models: ['backup-model'] },
    );
    await p.start();
    const id = await p.submit({ kind: 'text', text: fractureText() });
    await p.waitFor(id, ['pending_review']);
    expect(llm.chatRequests().map((r) => r.model)).toEqual(['gone-model', 'other-model', 'backup-model']);
    expect((await p.ctx.store.drafts(id))[0]?.provenance.model).toBe('backup-model');
  });
});

describe('calls in flight', () => {
  it('LLM_CONCURRENCY holds a second call until the first is settled', async () => {
    const config = testConfig({ LLM_CONCURRENCY: '1' });
    const ctx = await createContext(config);
    try {
      const gate = createRedisLlmGate(redisOf(ctx), config.redis.prefix, config.llm);
      const first = await gate.acquire(100);
      let second = false;
      const waiting = gate.acquire(100).then((t) => {
        second = true;
        return t;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(second).toBe(false);
      await gate.settle(first, 80);
      await gate.settle(await waiting, 80);
      expect(second).toBe(true);
    } finally {
      await removePrefix(redisOf(ctx), config.redis.prefix);
      await ctx.close();
    }
  });
});
