/**
 * Providers' prompt caching (issue 22): the fixed part of the summarize
 * prompt (the schema, then the system message) comes first and is the same
 * for every paper, long enough to be cached (OpenAI: 1,024 tokens); the
 * simplify pass is asked in the draft's own conversation, so its prompt starts
 * with the whole summarize prompt. The fake server caches prefixes as OpenAI
 * documents it and reports `cached_tokens`; the drafts, the ledger and
 * `laysum usage` count them.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIN_CACHED_TOKENS, promptText } from '../../bench/prompt-cache.ts';
import { runCli } from '../support/cli.ts';
import { type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { createPipeline, fixture, fractureText, type Pipeline } from '../support/harness.ts';
import { fractureSummary, plainerFracture as plainer } from '../support/summaries.ts';

let llm: FakeOpenAi;
let p: Pipeline;

beforeEach(async () => {
  llm = await startFakeOpenAi([], { promptCache: true });
  p = await createPipeline({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    LLM_MODEL: 'test-model',
    SUMMARIZE_CONCURRENCY: '1',
  });
  await p.start();
});

afterEach(async () => {
  await p.cleanup();
  await llm.close();
});

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

it('sends two papers the same cacheable prefix, follows on with the rewrite, and counts the cached tokens', async () => {
  // Each paper: a draft above the reading target (grade 10.3 > 8), then the plainer rewrite.
  llm.script([reply(fractureSummary), reply(plainer), reply(fractureSummary), reply(plainer)]);
  const first = await p.submit({ kind: 'text', text: fractureText() });
  await p.waitFor(first, ['pending_review']);
  const second = await p.submit({ kind: 'text', text: fixture('abstracts/pmid-28775130.txt') });
  await p.waitFor(second, ['pending_review']);

  const [draftA, rewriteA, draftB, rewriteB] = llm.chatRequests().map(promptText);
  if (!draftA || !rewriteA || !draftB || !rewriteB) throw new Error('expected four requests');
  // The two papers share the schema and the system message, at least 1,024 tokens (4 characters each)...
  const shared = commonPrefix(draftA, draftB);
  expect(shared).toBeGreaterThanOrEqual(MIN_CACHED_TOKENS * 4);
  // ...the whole of both, and the fixed opening of the user message; they part in the paper's own data.
  expect(shared).toBeGreaterThan(draftA.indexOf('Summarize the paper below'));
  expect(draftA.slice(shared)).toContain(
    'Assessment of the genetic and clinical determinants of fracture risk',
  );
  // The rewrite repeats its paper's summarize prompt byte for byte, then the draft and the request.
  expect(rewriteA.startsWith(draftA)).toBe(true);
  expect(rewriteB.startsWith(draftB)).toBe(true);
  expect(rewriteA.slice(draftA.length)).toMatch(/"role":"assistant".*\n.*reads at US school grade 10\.3/);

  const [a] = await p.ctx.store.drafts(first);
  const [b] = await p.ctx.store.drafts(second);
  if (!a || !b) throw new Error('expected both drafts');
  expect(a.provenance.llmCalls).toBe(2);
  expect(a.simplify?.kept).toBe('rewrite');
  // Paper A: nothing cached before its draft; its rewrite's prompt is cached up to its draft's prompt.
  const tokensOfDraftA = Math.ceil(draftA.length / 4);
  expect(a.provenance.usage.cachedTokens).toBeGreaterThan(tokensOfDraftA - 128);
  expect(a.provenance.usage.cachedTokens).toBeLessThanOrEqual(tokensOfDraftA);
  // Paper B: its draft reuses A's fixed prefix as well.
  expect(b.provenance.usage.cachedTokens).toBeGreaterThan(a.provenance.usage.cachedTokens + 1000);

  const report = await p.ctx.fleet.usageReport(1);
  expect(report.today.cached_tokens).toBe(a.provenance.usage.cachedTokens + b.provenance.usage.cachedTokens);
  const cli = await runCli(['usage'], {
    REDIS_URL: p.config.redis.url,
    LAYSUM_PREFIX: p.config.redis.prefix,
  });
  const cachedShare = Math.round((report.today.cached_tokens / report.today.prompt_tokens) * 100);
  expect(cli.stdout).toContain(
    `prompt: ${report.today.prompt_tokens.toLocaleString('en-US')} tokens, ${report.today.cached_tokens.toLocaleString('en-US')} (${cachedShare}%) cached by the provider`,
  );
});
