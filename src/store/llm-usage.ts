/**
 * The fleet's LLM ledger in Redis, written by every worker process and read
 * by `laysum usage`, `laysum status`, the admin dashboard, the budget check
 * and /metrics: per UTC day and model (calls, cache hits, 429s, errors,
 * tokens, cost), the same as lifetime counters, and histograms of LLM latency
 * and job durations. Plain HINCRBY on shared hashes, so every process adds to
 * the same figures and a scrape of any one of them sees the whole fleet.
 */
import type { Usage } from '../domain/draft.ts';
import { type StoreRedis, storeCommands } from './commands.ts';
import { keys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

export const USAGE_FIELDS = [
  'calls',
  'cache_hits',
  'rate_limited',
  'errors',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'total_tokens',
  'cost_usd',
  /** Calls whose reply had no `usage`: their tokens (and cost) are estimated from the text. */
  'estimated_calls',
] as const;
export type UsageField = (typeof USAGE_FIELDS)[number];
export type UsageFigures = Record<UsageField, number>;

export interface UsageRow extends UsageFigures {
  day: string;
  model: string;
}

/** Seconds: LLM calls take from a fraction of a second to minutes; jobs as long. */
export const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300] as const;

const DAY_TTL_SECONDS = 400 * 86_400;

export const utcDay = (at = new Date()): string => at.toISOString().slice(0, 10);

export const zeroFigures = (): UsageFigures =>
  Object.fromEntries(USAGE_FIELDS.map((f) => [f, 0])) as UsageFigures;

export interface UsageDelta {
  model: string;
  calls?: number;
  cacheHits?: number;
  rateLimited?: number;
  errors?: number;
  /** 1 when the call's usage was estimated (the server sent none). */
  estimated?: number;
  usage?: Usage | null;
  costUsd?: number;
}

export class UsageLedger {
  private readonly k: ReturnType<typeof keys>;
  private readonly scripts: StoreRedis;
  constructor(
    private readonly redis: RedisClient,
    prefix: string,
  ) {
    this.k = keys(prefix);
    this.scripts = storeCommands(redis);
  }

  /**
   * Add to today's and the lifetime figures; with `latencySeconds`, one observation of the LLM
   * latency histogram too: all one script call (one write, one round trip).
   */
  async add(delta: UsageDelta, at = new Date(), latencySeconds?: number): Promise<void> {
    const day = this.k.llm(`usage:${utcDay(at)}`);
    const lifetime = this.k.llm('counters');
    const ints: Array<[UsageField, number | undefined]> = [
      ['calls', delta.calls],
      ['cache_hits', delta.cacheHits],
      ['rate_limited', delta.rateLimited],
      ['errors', delta.errors],
      ['estimated_calls', delta.estimated],
      ['prompt_tokens', delta.usage?.promptTokens],
      ['completion_tokens', delta.usage?.completionTokens],
      ['cached_tokens', delta.usage?.cachedTokens],
      ['total_tokens', delta.usage?.totalTokens],
    ];
    // Groups of four for lua/hash-add.lua: kind, hash (1: the day, 2: lifetime, 3: latency), field, amount.
    const adds: Array<string | number> = [];
    for (const [field, n] of ints) {
      if (!n) continue;
      adds.push('i', 1, `${delta.model}|${field}`, n, 'i', 2, `${delta.model}|${field}`, n);
    }
    if (delta.costUsd) {
      const field = `${delta.model}|cost_usd`;
      adds.push('f', 1, field, delta.costUsd, 'f', 2, field, delta.costUsd);
    }
    const hashes = [day, lifetime];
    if (latencySeconds !== undefined) {
      hashes.push(this.k.llm('histogram:llm_latency'));
      adds.push(...observation(3, 'llm', latencySeconds));
    }
    await this.scripts.laysumHashAdd(hashes.length, ...hashes, DAY_TTL_SECONDS, ...adds);
  }

  /** One row per model for each of the last `days` UTC days (today first) that saw any use. */
  async byDay(days = 1, now = new Date()): Promise<UsageRow[]> {
    const dates = Array.from({ length: days }, (_, i) => utcDay(new Date(now.getTime() - i * 86_400_000)));
    const hashes = await Promise.all(dates.map((d) => this.redis.hgetall(this.k.llm(`usage:${d}`))));
    return dates.flatMap((day, i) => rowsOf(hashes[i] ?? {}).map((r) => ({ ...r, day })));
  }

  /** Lifetime figures per model (Prometheus counters). */
  async lifetime(): Promise<Array<UsageFigures & { model: string }>> {
    return rowsOf(await this.redis.hgetall(this.k.llm('counters')));
  }

  /** Today's totals over every model: what the daily budget is checked against. */
  async today(now = new Date()): Promise<UsageFigures> {
    return sumFigures(await this.byDay(1, now));
  }

  /** One observation of a histogram (seconds), under a label value (a stage, or "llm"). */
  async observe(histogram: 'llm_latency' | 'job_duration', label: string, seconds: number): Promise<void> {
    const key = this.k.llm(`histogram:${histogram}`);
    await this.scripts.laysumHashAdd(1, key, 0, ...observation(1, label, seconds));
  }

  async histogram(histogram: 'llm_latency' | 'job_duration'): Promise<Record<string, string>> {
    return this.redis.hgetall(this.k.llm(`histogram:${histogram}`));
  }

  /** A paper failed for good: counted by stage and reason (the error's kind). */
  async failed(stage: string, reason: string): Promise<void> {
    await this.redis.hincrby(this.k.llm('failures'), `${stage}|${reason}`, 1);
  }

  async failures(): Promise<Array<{ stage: string; reason: string; count: number }>> {
    const all = await this.redis.hgetall(this.k.llm('failures'));
    return Object.entries(all).map(([field, n]) => {
      const [stage = '', reason = ''] = field.split('|');
      return { stage, reason, count: Number(n) };
    });
  }
}

/** lua/hash-add.lua's groups for one histogram observation in the hash at `index`. */
function observation(index: number, label: string, seconds: number): Array<string | number> {
  const bucket = DURATION_BUCKETS.find((b) => seconds <= b) ?? '+Inf';
  return [
    'i',
    index,
    `${label}|${bucket}`,
    1,
    'i',
    index,
    `${label}|count`,
    1,
    'f',
    index,
    `${label}|sum`,
    seconds,
  ];
}

function rowsOf(hash: Record<string, string>): Array<UsageFigures & { model: string }> {
  const byModel = new Map<string, UsageFigures>();
  for (const [field, value] of Object.entries(hash)) {
    const at = field.lastIndexOf('|');
    const model = field.slice(0, at);
    const name = field.slice(at + 1) as UsageField;
    if (!USAGE_FIELDS.includes(name)) continue;
    const figures = byModel.get(model) ?? zeroFigures();
    figures[name] = Number(value);
    byModel.set(model, figures);
  }
  return [...byModel].map(([model, f]) => ({ model, ...f })).sort((a, b) => a.model.localeCompare(b.model));
}

export function sumFigures(rows: readonly UsageFigures[]): UsageFigures {
  const total = zeroFigures();
  for (const r of rows) for (const f of USAGE_FIELDS) total[f] += r[f];
  return total;
}
