/**
 * /metrics in Prometheus text format (prom-client). Every figure is read from
 * Redis at scrape time, so any one process answers for the whole fleet:
 * queue depths and ages by stage, job durations and LLM latency (histograms
 * the workers keep in Redis), calls, tokens, cost, 429s, cache hits and
 * errors per model, failures by stage and reason, papers by state, and
 * whether summarizing is paused. On the main port it needs
 * `Authorization: Bearer METRICS_TOKEN` (and is off without a token);
 * METRICS_PORT serves it alone on a port of its own (`metricsApp`), bound to
 * METRICS_HOST. This process's own figures (src/http/process-metrics.ts) are
 * served beside them, and apart at /metrics/process.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import {
  Counter,
  Gauge,
  Histogram,
  type MetricObjectWithValues,
  type MetricType,
  type MetricValueWithName,
  Registry,
} from 'prom-client';
import { PaperState } from '../domain/state.ts';
import type { Queues } from '../queue/queues.ts';
import { DURATION_BUCKETS } from '../store/llm-usage.ts';
import { isEvicting } from '../store/redis-policy.ts';
import { httpMetrics, processMetricsContentType, renderProcessMetrics } from './process-metrics.ts';
import type { AppDeps, AppEnv } from './types.ts';

type MetricsDeps = Pick<AppDeps, 'config' | 'store' | 'queues' | 'fleet'>;
type Values = MetricObjectWithValues<MetricValueWithName<string>>;

/** A histogram whose buckets the workers count in Redis (src/store/llm-usage.ts), shown as read. */
class SharedHistogram extends Histogram<string> {
  constructor(
    readonly metricName: string,
    private readonly metricHelp: string,
    registers: Registry[],
    private readonly snapshot: Values['values'],
  ) {
    super({ name: metricName, help: metricHelp, registers });
  }
  // prom-client's registry reads a histogram through getForPromString (not in its types), else get().
  async getForPromString(): Promise<Values> {
    return this.get();
  }
  override async get(): Promise<Values> {
    return {
      name: this.metricName,
      help: this.metricHelp,
      // prom-client's MetricType is a type-only enum: its value is the plain string.
      type: 'histogram' as unknown as MetricType.Histogram,
      aggregator: 'sum',
      collect: () => {},
      values: this.snapshot,
    };
  }
}

function histogramValues(name: string, label: string, hash: Record<string, string>): Values['values'] {
  const labels = [...new Set(Object.keys(hash).map((f) => f.slice(0, f.lastIndexOf('|'))))];
  return labels.flatMap((value) => {
    let cumulative = 0;
    const buckets = [...DURATION_BUCKETS, '+Inf' as const].map((le) => {
      cumulative += Number(hash[`${value}|${le}`] ?? 0);
      return { metricName: `${name}_bucket`, labels: { [label]: value, le }, value: cumulative };
    });
    return [
      ...buckets,
      { metricName: `${name}_sum`, labels: { [label]: value }, value: Number(hash[`${value}|sum`] ?? 0) },
      { metricName: `${name}_count`, labels: { [label]: value }, value: Number(hash[`${value}|count`] ?? 0) },
    ];
  });
}

export async function renderMetrics(deps: MetricsDeps): Promise<{ contentType: string; body: string }> {
  const registers = [new Registry()];
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers });
  const counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name, help, labelNames, registers });
  const { store, queues, fleet } = deps;
  const ledger = fleet.ledger;

  await queueMetrics(queues, gauge);
  const { policy } = await fleet.redisPolicy();
  gauge('laysum_redis_evicting', '1 while Redis maxmemory-policy lets it delete keys (not noeviction)', [
    'policy',
  ]).set({ policy: policy ?? 'unknown' }, isEvicting(policy) ? 1 : 0);
  const papers = gauge('laysum_papers', 'Papers by state', ['state']);
  for (const state of PaperState.options) papers.set({ state }, await store.count(state));

  const calls = counter('laysum_llm_calls_total', 'LLM calls made (cache hits excluded)', ['model']);
  const tokens = counter('laysum_llm_tokens_total', 'LLM tokens by kind', ['model', 'kind']);
  const cost = counter('laysum_llm_cost_usd_total', 'Estimated LLM cost in USD (LLM_PRICES)', ['model']);
  const limited = counter('laysum_llm_rate_limited_total', 'HTTP 429 answers from the LLM', ['model']);
  const hits = counter('laysum_llm_cache_hits_total', 'LLM calls answered from the cache', ['model']);
  const errors = counter('laysum_llm_errors_total', 'LLM calls that failed (429s excluded)', ['model']);
  const estimated = counter(
    'laysum_llm_estimated_usage_calls_total',
    'LLM calls whose reply had no usage (tokens and cost estimated from the text)',
    ['model'],
  );
  for (const row of await ledger.lifetime()) {
    const model = { model: row.model };
    calls.inc(model, row.calls);
    cost.inc(model, row.cost_usd);
    limited.inc(model, row.rate_limited);
    hits.inc(model, row.cache_hits);
    errors.inc(model, row.errors);
    estimated.inc(model, row.estimated_calls);
    tokens.inc({ ...model, kind: 'prompt' }, row.prompt_tokens);
    tokens.inc({ ...model, kind: 'completion' }, row.completion_tokens);
    tokens.inc({ ...model, kind: 'cached' }, row.cached_tokens);
  }
  const failures = counter('laysum_failures_total', 'Papers failed for good, by stage and reason', [
    'stage',
    'reason',
  ]);
  for (const f of await ledger.failures()) failures.inc({ stage: f.stage, reason: f.reason }, f.count);
  const paused = gauge('laysum_summarize_paused', '1 while summarizing is paused (429 or budget)', [
    'reason',
  ]);
  const notices = await fleet.notices();
  for (const reason of ['rate_limit', 'budget'] as const)
    paused.set({ reason }, notices.some((n) => n.reason === reason) ? 1 : 0);

  const modes = gauge(
    'laysum_llm_output_mode',
    'Output mode learned for a server and model that refused json_schema (1 per pair)',
    ['server', 'model', 'mode'],
  );
  for (const m of await fleet.learnedModes())
    modes.set({ server: m.server, model: m.model, mode: m.mode }, 1);

  const latency = 'laysum_llm_latency_seconds';
  new SharedHistogram(
    latency,
    'LLM call latency',
    registers,
    histogramValues(latency, 'call', await ledger.histogram('llm_latency')),
  );
  const jobs = 'laysum_job_duration_seconds';
  const jobValues = histogramValues(jobs, 'stage', await ledger.histogram('job_duration'));
  new SharedHistogram(jobs, 'Job run time by stage (completed jobs)', registers, jobValues);
  const [registry] = registers;
  if (!registry) throw new Error('no registry');
  return { contentType: registry.contentType, body: await registry.metrics() };
}

async function queueMetrics(
  queues: Queues,
  gauge: (name: string, help: string, labels: string[]) => Gauge,
): Promise<void> {
  const depth = gauge('laysum_queue_jobs', 'Jobs by stage and state', ['stage', 'state']);
  const age = gauge('laysum_queue_oldest_waiting_seconds', 'Age of the oldest waiting job by stage', [
    'stage',
  ]);
  const now = Date.now();
  for (const [stage, queue] of Object.entries(queues)) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
    for (const [state, n] of Object.entries(counts)) depth.set({ stage, state }, n);
    const [oldest] = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
    age.set({ stage }, oldest ? Math.max(0, (now - oldest.timestamp) / 1000) : 0);
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Scope = 'all' | 'fleet' | 'process';

async function render(deps: MetricsDeps, scope: Scope): Promise<{ contentType: string; body: string }> {
  const own = scope === 'fleet' ? '' : await renderProcessMetrics();
  if (scope === 'process') return { contentType: processMetricsContentType, body: own };
  const fleet = await renderMetrics(deps);
  return { contentType: fleet.contentType, body: own ? `${fleet.body}\n${own}` : fleet.body };
}

/**
 * /metrics: the fleet's figures and this process's; /metrics/fleet and /metrics/process apart, so
 * a deployment with several servers scrapes the fleet once and each process on its own (the fleet
 * figures are the same from every replica). On the main port a token is always needed (not found
 * without METRICS_TOKEN); on METRICS_PORT only when METRICS_TOKEN is set.
 */
export function metricsRoute(deps: MetricsDeps, requireToken = true): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const token = deps.config.metrics.token;
    if (!token) {
      if (!requireToken) return next();
      return c.text('Not found: set METRICS_TOKEN (or METRICS_PORT) to serve /metrics.\n', 404);
    }
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!sameToken(given, token))
      return c.text('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>.\n', 401, {
        'www-authenticate': 'Bearer',
      });
    return next();
  });
  for (const [path, scope] of [
    ['/', 'all'],
    ['/fleet', 'fleet'],
    ['/process', 'process'],
  ] as const) {
    app.get(path, async (c) => {
      const { contentType, body } = await render(deps, scope);
      return c.body(body, 200, { 'content-type': contentType });
    });
  }
  return app;
}

/** The app METRICS_PORT serves (on METRICS_HOST): /metrics alone, behind METRICS_TOKEN when one is set. */
export function metricsApp(deps: MetricsDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', httpMetrics());
  app.route('/metrics', metricsRoute(deps, false));
  return app;
}
