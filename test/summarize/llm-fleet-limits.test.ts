/**
 * The account's limits, held by the whole fleet: two real `laysum worker`
 * processes share LLM_RPM and LLM_TPM through Redis against a scripted
 * provider that answers 429 to anything over the same limits. No request
 * goes over, no paper fails, every paper gets exactly one draft.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { submitPaper } from '../../src/intake/submit.ts';
import { createContext, redisOf } from '../../src/runtime/context.ts';
import { UsageLedger } from '../../src/store/llm-usage.ts';
import { startCli } from '../support/cli.ts';
import { reply, startFakeOpenAi } from '../support/fake-openai.ts';
import { REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';
import { fractureSummary } from '../support/summaries.ts';

const prefix = testPrefix();
const WINDOW_MS = 2000;
const RPM = 3;
// About two requests' worth of measured tokens: the token limit binds as often as the request limit.
const TPM = 7000;
const llm = await startFakeOpenAi([reply(fractureSummary, { delayMs: 150 })], {
  limits: { rpm: RPM, tpm: TPM, windowMs: WINDOW_MS, retryAfterSeconds: 1 },
  measuredUsage: true,
});
const env = {
  REDIS_URL,
  LAYSUM_PREFIX: prefix,
  OPENAI_BASE_URL: llm.baseURL,
  LLM_RPM: String(RPM),
  LLM_TPM: String(TPM),
  LLM_LIMIT_WINDOW_MS: String(WINDOW_MS),
  LLM_MAX_TOKENS: '1000',
  LLM_ATTEMPTS: '2',
  SUMMARIZE_CONCURRENCY: '3',
  READING_TARGET_GRADE: '16',
};

afterAll(async () => {
  await llm.close();
  await removeTestKeys(prefix);
});

function abstracts(): string[] {
  const dirs = [
    new URL('../../samples/abstracts/', import.meta.url),
    new URL('../fixtures/abstracts/', import.meta.url),
  ];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8')),
  );
}

it('two worker processes under a tight RPM and TPM send no request over the limit and fail no paper', async () => {
  const ctx = await createContext(loadConfig({ env, envFile: '/nonexistent' }));
  const one = await startCli(['worker'], env, /LaySum workers running/);
  const two = await startCli(['worker'], env, /LaySum workers running/);
  const ids = new Set<string>();
  for (const text of abstracts())
    ids.add((await submitPaper(ctx, { kind: 'text', text }, { actor: 'test' })).id);
  const until = Date.now() + 60_000;
  while ((await ctx.store.count('pending_review')) < ids.size && Date.now() < until)
    await new Promise((r) => setTimeout(r, 200));
  one.child.kill('SIGTERM');
  two.child.kill('SIGTERM');
  expect([await one.exited, await two.exited]).toEqual([0, 0]);

  expect(llm.overLimit()).toBe(0);
  expect(llm.peak().requests).toBeLessThanOrEqual(RPM);
  expect(llm.peak().tokens).toBeLessThanOrEqual(TPM);
  expect(await ctx.store.count('failed')).toBe(0);
  expect(await ctx.store.count('pending_review')).toBe(ids.size);
  for (const id of ids) expect(await ctx.store.drafts(id)).toHaveLength(1);
  expect(llm.chatRequests()).toHaveLength(ids.size);
  // Both processes called the LLM, and the ledger they share counted every call.
  for (const w of [one, two]) expect(w.stderr()).not.toMatch(/gave up/);
  const [today] = await new UsageLedger(redisOf(ctx), prefix).byDay(1);
  expect(today?.calls).toBe(ids.size);
  expect(today?.rate_limited).toBe(0);
  await ctx.close();
});
