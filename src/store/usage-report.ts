/**
 * The fleet's LLM spend as a person reads it (`laysum usage`, `laysum status`,
 * the admin dashboard): per day and model from the ledger, today's totals
 * beside the configured daily budgets, what pauses summarizing now, and the
 * output modes learned for servers that refuse json_schema.
 */
import type { Config } from '../config/env.ts';
import { type FleetNotice, fleetNotices } from './llm-gate.ts';
import { type LearnedMode, learnedModes } from './llm-modes.ts';
import { sumFigures, type UsageFigures, UsageLedger, type UsageRow, utcDay } from './llm-usage.ts';
import type { RedisClient } from './redis-client.ts';

export interface UsageReport {
  rows: UsageRow[];
  today: UsageFigures;
  budget: { dailyTokens: number | null; dailyCostUsd: number | null };
  limits: { rpm: number | null; tpm: number | null; concurrency: number | null };
  /** Summarize jobs per worker process: SUMMARIZE_CONCURRENCY, or `auto` (sized from the limits and latency). */
  summarizeConcurrency: number | 'auto';
  notices: FleetNotice[];
  /** Models used without a price in LLM_PRICES: their cost shows as 0. */
  unpriced: string[];
  /** Servers and models answering in a lesser output mode than json_schema (LLM_OUTPUT_MODE=auto). */
  outputModes: LearnedMode[];
  /** LLM_OUTPUT_MODE: `auto`, or the mode every call uses. */
  outputMode: Config['llm']['outputMode'];
}

export async function usageReport(redis: RedisClient, config: Config, days = 7): Promise<UsageReport> {
  const ledger = new UsageLedger(redis, config.redis.prefix);
  const rows = await ledger.byDay(days);
  const today = sumFigures(rows.filter((r) => r.day === utcDay()));
  const { prices, budget, limits } = config.llm;
  const unpriced = [...new Set(rows.filter((r) => r.calls > 0).map((r) => r.model))].filter(
    (m) => !Object.keys(prices).some((name) => m.startsWith(name)),
  );
  return {
    rows,
    today,
    budget: { dailyTokens: budget.dailyTokens ?? null, dailyCostUsd: budget.dailyCostUsd ?? null },
    limits: { rpm: limits.rpm ?? null, tpm: limits.tpm ?? null, concurrency: limits.concurrency ?? null },
    summarizeConcurrency: config.workers.summarizeConcurrency,
    notices: await fleetNotices(redis, config.redis.prefix),
    unpriced,
    outputModes: await learnedModes(redis, config.redis.prefix),
    outputMode: config.llm.outputMode,
  };
}
