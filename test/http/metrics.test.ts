/**
 * /metrics: Prometheus text with the fleet's figures read from Redis, behind
 * METRICS_TOKEN on the main port (off without one), and on METRICS_PORT's app
 * when a token is set; this process's own figures beside them and apart.
 */
import { afterEach, expect, it } from 'vitest';
import { metricsApp } from '../../src/http/metrics.ts';
import { redisOf } from '../../src/runtime/context.ts';
import { createRedisLlmGate } from '../../src/store/llm-gate.ts';
import { UsageLedger } from '../../src/store/llm-usage.ts';
import { fractureText } from '../support/harness.ts';
import { type HttpHarness, signIn, startHttp } from './support.ts';

const TOKEN = 'metrics-token-0123456789';
let h: HttpHarness | undefined;

afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

it('serves the fleet figures to a caller with METRICS_TOKEN, and nothing to anyone else', async () => {
  h = await startHttp({ METRICS_TOKEN: TOKEN });
  await h.p.start();
  const id = await h.p.submit({ kind: 'text', text: fractureText() });
  await h.p.waitFor(id, ['pending_review']);
  const ledger = new UsageLedger(redisOf(h.p.ctx), h.p.config.redis.prefix);
  await ledger.add({
    model: 'gpt-4o-mini',
    calls: 2,
    rateLimited: 1,
    costUsd: 0.25,
    usage: { promptTokens: 800, completionTokens: 300, cachedTokens: 0, totalTokens: 1100 },
  });
  await ledger.observe('llm_latency', 'llm', 0.8);

  expect((await h.call('/metrics')).status).toBe(401);
  expect((await h.call('/metrics', { token: h.tokens.admin })).status).toBe(401);
  const res = await h.call('/metrics', { token: TOKEN });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toMatch(/^laysum_papers\{state="pending_review"\} 1$/m);
  expect(text).toMatch(/^laysum_queue_jobs\{stage="summarize",state="waiting"\} 0$/m);
  expect(text).toMatch(/^laysum_queue_oldest_waiting_seconds\{stage="ingest"\} 0$/m);
  expect(text).toMatch(/^laysum_llm_calls_total\{model="gpt-4o-mini"\} 2$/m);
  expect(text).toMatch(/^laysum_llm_rate_limited_total\{model="gpt-4o-mini"\} 1$/m);
  expect(text).toMatch(/^laysum_llm_tokens_total\{model="gpt-4o-mini",kind="prompt"\} 800$/m);
  expect(text).toMatch(/^laysum_llm_cost_usd_total\{model="gpt-4o-mini"\} 0\.25$/m);
  expect(text).toMatch(/^laysum_llm_latency_seconds_bucket\{call="llm",le="1"\} 1$/m);
  expect(text).toMatch(/^laysum_job_duration_seconds_count\{stage="ingest"\} [1-9]/m);
  expect(text).toMatch(/^laysum_job_duration_seconds_count\{stage="summarize"\} [1-9]/m);
  expect(text).toMatch(/^laysum_summarize_paused\{reason="budget"\} 0$/m);
  expect(text).toMatch(/^# TYPE laysum_failures_total counter$/m);

  // METRICS_PORT's app asks for the token too once one is set.
  const port = metricsApp(h.deps);
  expect((await port.fetch(new Request('http://metrics/metrics'))).status).toBe(401);
  const withToken = { headers: { authorization: `Bearer ${TOKEN}` } };
  expect((await port.fetch(new Request('http://metrics/metrics', withToken))).status).toBe(200);
});

it("serves this process's figures beside the fleet's, and each apart for several replicas", async () => {
  h = await startHttp({ METRICS_TOKEN: TOKEN });
  expect((await h.call('/s/no-such-summary')).status).toBe(404);
  expect((await h.call('/metrics/process')).status).toBe(401);
  const own = await (await h.call('/metrics/process', { token: TOKEN })).text();
  expect(own).toMatch(/^process_cpu_user_seconds_total \d/m);
  expect(own).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  expect(own).toMatch(/^laysum_build_info\{version="\d+\.\d+\.\d+[^"]*",node="v\d+[^"]*"\} 1$/m);
  // Counted by route pattern, never by the raw path.
  expect(own).toMatch(/^laysum_http_requests_total\{method="GET",route="\/s\/:slug",status="404"\} [1-9]/m);
  expect(own).not.toMatch(/no-such-summary/);
  expect(own).not.toMatch(/^laysum_papers/m);
  const fleet = await (await h.call('/metrics/fleet', { token: TOKEN })).text();
  expect(fleet).toMatch(/^laysum_papers\{state="pending_review"\} 0$/m);
  expect(fleet).not.toMatch(/^process_cpu_user_seconds_total/m);
  const all = await (await h.call('/metrics', { token: TOKEN })).text();
  expect(all).toMatch(/^laysum_papers\{/m);
  expect(all).toMatch(/^process_cpu_user_seconds_total/m);
});

it("is open on METRICS_PORT's app without a token (it listens on loopback unless METRICS_HOST says otherwise)", async () => {
  h = await startHttp();
  expect(h.p.config.metrics.host).toBe('127.0.0.1');
  const res = await metricsApp(h.deps).fetch(new Request('http://metrics/metrics/process'));
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/^laysum_build_info\{/m);
});

it('is off on the main port without METRICS_TOKEN', async () => {
  h = await startHttp();
  const res = await h.call('/metrics', { token: h.tokens.admin });
  expect(res.status).toBe(404);
  expect(await res.text()).toMatch(/set METRICS_TOKEN/);
});

it('shows admins the LLM usage page, with the budget and the day by model, and no one else', async () => {
  h = await startHttp({
    LLM_DAILY_COST_BUDGET: '5',
    LLM_PRICES: '{"gpt-4o-mini":{"input":0.15,"output":0.6}}',
  });
  await new UsageLedger(redisOf(h.p.ctx), h.p.config.redis.prefix).add({
    model: 'gpt-4o-mini',
    calls: 4,
    costUsd: 1.25,
    usage: { promptTokens: 4000, completionTokens: 1000, cachedTokens: 0, totalTokens: 5000 },
  });
  const res = await h.call('/admin/usage', { token: h.tokens.admin, headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('LLM usage');
  expect(html).toMatch(/Cost: \$1\.25 of \$5\.00 \(25%\)/);
  expect(html).toMatch(/<td>gpt-4o-mini<\/td><td>4<\/td>/);
  expect((await h.call('/admin/usage', { token: h.tokens.reviewer })).status).toBe(403);
});

it('tells reviewers on the desk queue that summarizing is paused, and why', async () => {
  h = await startHttp({ LLM_DAILY_TOKEN_BUDGET: '100' });
  await new UsageLedger(redisOf(h.p.ctx), h.p.config.redis.prefix).add({
    model: 'gpt-4o-mini',
    calls: 1,
    usage: { promptTokens: 800, completionTokens: 300, cachedTokens: 0, totalTokens: 1100 },
  });
  const gate = createRedisLlmGate(redisOf(h.p.ctx), h.p.config.redis.prefix, h.p.config.llm);
  await expect(gate.acquire(10)).rejects.toThrow(/Summarizing is paused/);
  const web = await signIn(h, h.tokens.reviewer);
  const page = await (await web.get('/desk')).text();
  expect(page).toMatch(/role="status"><strong>Summarizing is paused: today&#39;s LLM token budget/);
});
