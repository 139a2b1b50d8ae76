/**
 * `laysum usage` and `laysum status` (no id): what the fleet spent per day and
 * model, against the daily budget, and that summarizing is paused once it is spent.
 */
import { afterAll, expect, it } from 'vitest';
import { RateLimitedError } from '../../src/errors/rate-limited-error.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { createRedisLlmGate } from '../../src/store/llm-gate.ts';
import { UsageLedger } from '../../src/store/llm-usage.ts';
import { runCli } from '../support/cli.ts';
import { createPipeline } from '../support/harness.ts';

const env = {
  LLM_PRICES: '{"gpt-4o-mini":{"input":0.15,"output":0.6}}',
  LLM_DAILY_TOKEN_BUDGET: '2000',
  LLM_RPM: '500',
};
const p = await createPipeline(env);
const cliEnv = { REDIS_URL: p.config.redis.url, LAYSUM_PREFIX: p.config.redis.prefix, ...env };
afterAll(() => p.cleanup());

it('shows calls, tokens and cost per model, the budget, and the pause once it is spent', async () => {
  const ledger = new UsageLedger(redisOf(p.ctx), p.config.redis.prefix);
  await ledger.add({
    model: 'gpt-4o-mini-2024-07-18',
    calls: 3,
    cacheHits: 1,
    costUsd: 0.00045,
    usage: { promptTokens: 2000, completionTokens: 400, cachedTokens: 1536, totalTokens: 2400 },
  });
  const gate = createRedisLlmGate(redisOf(p.ctx), p.config.redis.prefix, p.config.llm);
  await expect(gate.acquire(100)).rejects.toBeInstanceOf(RateLimitedError);

  const usage = await runCli(['usage', '--days', '2'], cliEnv);
  expect(usage.code).toBe(0);
  expect(usage.stdout).toMatch(
    /PAUSED: Summarizing is paused: today's LLM token budget \(LLM_DAILY_TOKEN_BUDGET=2000\)/,
  );
  expect(usage.stdout).toMatch(/tokens: 2,400 of 2,000 \(120%\)/);
  expect(usage.stdout).toMatch(/limits: 500 requests\/min/);
  expect(usage.stdout).toMatch(/summarize concurrency: auto \(sized from the limits and the LLM's latency\)/);
  expect(usage.stdout).toMatch(/prompt: 2,000 tokens, 1,536 \(77%\) cached by the provider/);
  expect(usage.stdout).toMatch(
    /gpt-4o-mini-2024-07-18\s+3\s+1\s+0\s+2,000\s+1,536\s+400\s+2,400\s+\$0\.0004/,
  );

  const json = JSON.parse((await runCli(['usage', '--json'], cliEnv)).stdout);
  expect(json.today).toMatchObject({ calls: 3, total_tokens: 2400 });

  const status = await runCli(['status'], cliEnv);
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/summarize queue: 0 waiting/);
  expect(status.stdout).toMatch(/PAUSED: Summarizing is paused/);

  const bad = await runCli(['usage', '--days', 'lots'], cliEnv);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/not a number of days/);
});
