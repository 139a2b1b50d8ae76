/**
 * The fleet's figures as the web app and the CLI read them, without a Redis
 * connection of their own: the LLM ledger (usage, failures, histograms),
 * the pauses in force, the output modes learned, and the server's eviction
 * policy. One object per process, built in ../runtime/context.ts.
 */
import type { Config } from '../config/env.ts';
import { type FleetNotice, fleetNotices } from './llm-gate.ts';
import { type LearnedMode, learnedModes } from './llm-modes.ts';
import { UsageLedger } from './llm-usage.ts';
import { checkRedisPolicy } from './redis.ts';
import type { RedisClient } from './redis-client.ts';
import { type PolicyReading, readRedisPolicy } from './redis-policy.ts';
import { type UsageReport, usageReport } from './usage-report.ts';

export class FleetStatus {
  /** Calls, tokens, cost, failures and duration histograms, as the workers record them. */
  readonly ledger: UsageLedger;
  constructor(
    private readonly redis: RedisClient,
    private readonly config: Config,
  ) {
    this.ledger = new UsageLedger(redis, config.redis.prefix);
  }

  /** LLM use per day and model over `days`, against the budgets (`laysum usage`, /admin/usage). */
  usageReport(days: number): Promise<UsageReport> {
    return usageReport(this.redis, this.config, days);
  }

  /** What pauses summarizing now (a 429, a spent budget). */
  notices(): Promise<FleetNotice[]> {
    return fleetNotices(this.redis, this.config.redis.prefix);
  }

  learnedModes(): Promise<LearnedMode[]> {
    return learnedModes(this.redis, this.config.redis.prefix);
  }

  redisPolicy(): Promise<PolicyReading> {
    return readRedisPolicy(this.redis);
  }

  /** Warnings to log at start when the eviction policy can delete LaySum's keys. */
  policyWarnings(): Promise<string[]> {
    return checkRedisPolicy(this.redis, this.config.redis);
  }
}
