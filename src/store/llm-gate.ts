/**
 * The fleet's LLM gate in Redis (the LlmGate of src/summarize/llm-gate.ts):
 * every worker process on every machine waits on the same limits
 * (./lua/llm-acquire.lua), shares one 429 pause, one cache and one ledger.
 * The daily budget is checked before each call against the ledger; while it
 * is spent, calls are refused with a RateLimitedError (the job waits in the
 * queue, no attempt used) and a notice says so to `laysum status` and the desk.
 * The output mode each server and model answers in is remembered here too
 * (./llm-modes.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/env.ts';
import type { Usage } from '../domain/draft.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { storeCommands } from './commands.ts';
import { keys } from './keys.ts';
import { createModeMemory, type OnLearned } from './llm-modes.ts';
import { UsageLedger } from './llm-usage.ts';
import type { RedisClient } from './redis-client.ts';

/** How long a budget-paused worker waits before it looks again (a raised budget takes effect within this). */
export const BUDGET_RECHECK_MS = 5_000;
/** Kept in the window beyond its length, for the gap between Redis's clock and the provider's. */
const MARGIN_MS = 300;
/** Longest single sleep while waiting on the limits, so a freed slot is seen soon. */
const MAX_SLEEP_MS = 1_000;

export interface FleetNotice {
  reason: 'rate_limit' | 'budget';
  message: string;
  /** Until when, ISO time. */
  until: string;
}

/** `onLearned`: told when this fleet first finds a server answering only in a lesser output mode. */
export function createRedisLlmGate(
  redis: RedisClient,
  prefix: string,
  llm: Config['llm'],
  onLearned?: OnLearned,
) {
  const scripts = storeCommands(redis);
  const modes = createModeMemory(redis, prefix, onLearned);
  const k = keys(prefix);
  const ledger = new UsageLedger(redis, prefix);
  const { rpm = 0, tpm = 0, concurrency = 0, windowMs } = llm.limits;
  const lease = llm.timeoutMs * (llm.maxRepairs + 2);
  const limitKeys = [
    k.llm('requests'),
    k.llm('tokens'),
    k.llm('in-flight'),
    k.llm('pause'),
    k.llm('pace'),
  ] as const;

  async function checkBudget(): Promise<void> {
    const { dailyTokens, dailyCostUsd } = llm.budget;
    if (dailyTokens === undefined && dailyCostUsd === undefined) return;
    const today = await ledger.today();
    const spent =
      dailyTokens !== undefined && today.total_tokens >= dailyTokens
        ? `today's LLM token budget (LLM_DAILY_TOKEN_BUDGET=${dailyTokens}) is spent: ${today.total_tokens} tokens used`
        : dailyCostUsd !== undefined && today.cost_usd >= dailyCostUsd
          ? `today's LLM cost budget (LLM_DAILY_COST_BUDGET=${dailyCostUsd} USD) is spent: ${today.cost_usd.toFixed(4)} USD used`
          : null;
    if (!spent) return;
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    const message = `Summarizing is paused: ${spent}. Papers wait in the queue and resume at 00:00 UTC, or as soon as the budget is raised.`;
    await setNotice(redis, k.llm('budget-notice'), {
      reason: 'budget',
      message,
      until: midnight.toISOString(),
    });
    throw new RateLimitedError(message, {
      reason: 'budget',
      waitMs: Math.min(BUDGET_RECHECK_MS, midnight.getTime() - Date.now()),
      hint: 'Raise LLM_DAILY_TOKEN_BUDGET / LLM_DAILY_COST_BUDGET and restart the workers, or wait for tomorrow.',
    });
  }

  return {
    outputMode: modes.outputMode,
    learnOutputMode: modes.learnOutputMode,
    async acquire(estimatedTokens: number) {
      await checkBudget();
      const estimate = Math.max(1, Math.min(Math.ceil(estimatedTokens), tpm || Number.MAX_SAFE_INTEGER));
      const id = randomBytes(8).toString('hex');
      if (!rpm && !tpm && !concurrency) {
        const paused = await redis.pttl(k.llm('pause'));
        if (paused > 0) throw pausedError(paused);
        return { id, estimate };
      }
      for (;;) {
        const [wait, reason] = await scripts.laysumLlmAcquire(
          ...limitKeys,
          rpm,
          tpm,
          concurrency,
          windowMs,
          MARGIN_MS,
          estimate,
          id,
          lease,
        );
        if (wait === 0) return { id, estimate };
        if (reason === 'paused') throw pausedError(wait);
        await new Promise((r) => setTimeout(r, Math.min(wait, MAX_SLEEP_MS)));
      }
    },
    async settle(ticket: { id: string; estimate: number }, actualTokens: number | null) {
      if (!rpm && !tpm && !concurrency) return;
      await scripts.laysumLlmSettle(
        k.llm('tokens'),
        k.llm('in-flight'),
        k.llm('requests'),
        ticket.id,
        ticket.estimate,
        Math.max(0, Math.round(actualTokens ?? ticket.estimate)),
      );
    },
    async pause(ms: number, message: string) {
      const wait = Math.max(1, Math.round(ms));
      // Only ever lengthened: a shorter retry-after from a later 429 does not cut the pause short.
      await redis.set(k.llm('pause'), '1', 'PX', wait, 'NX');
      await redis.pexpire(k.llm('pause'), wait, 'GT');
      await setNotice(redis, k.llm('pause-notice'), {
        reason: 'rate_limit',
        message,
        until: new Date(Date.now() + wait).toISOString(),
      });
    },
    async record(event: {
      model: string;
      outcome: 'ok' | 'rate_limited' | 'error' | 'cache_hit';
      usage: Usage | null;
      costUsd: number;
      latencyMs: number;
    }) {
      const delta = {
        model: event.model,
        calls: event.outcome === 'cache_hit' ? 0 : 1,
        estimated: event.usage?.estimated ? 1 : 0,
        cacheHits: event.outcome === 'cache_hit' ? 1 : 0,
        rateLimited: event.outcome === 'rate_limited' ? 1 : 0,
        errors: event.outcome === 'error' ? 1 : 0,
        usage: event.usage,
        costUsd: event.costUsd,
      };
      // A call's figures and its latency in one write; a cache hit took no call.
      await ledger.add(delta, new Date(), event.outcome === 'cache_hit' ? undefined : event.latencyMs / 1000);
    },
    async cached(key: string) {
      return llm.cache.enabled ? redis.get(k.llm(`cache:${key}`)) : null;
    },
    async remember(key: string, value: string) {
      if (llm.cache.enabled) await redis.set(k.llm(`cache:${key}`), value, 'EX', llm.cache.ttlSeconds);
    },
  };
}

function pausedError(ms: number): RateLimitedError {
  return new RateLimitedError(`The LLM provider rate-limited the fleet: no calls for ${ms} ms.`, {
    reason: 'rate_limit',
    waitMs: ms,
    hint: 'Nothing to do: papers wait in the queue and no attempt is used. Set LLM_RPM / LLM_TPM to your account limits to avoid 429s.',
  });
}

async function setNotice(redis: RedisClient, key: string, notice: FleetNotice): Promise<void> {
  const ttl = Math.max(1000, Date.parse(notice.until) - Date.now());
  // A 429's notice lasts as long as its pause; a budget's is renewed by every look while it is spent.
  const px = notice.reason === 'budget' ? Math.min(ttl, BUDGET_RECHECK_MS * 4) : ttl;
  await redis.set(key, JSON.stringify(notice), 'PX', px);
}

/** What pauses the fleet now (a 429 or the budget), for status, the desk and the dashboard. */
export async function fleetNotices(redis: RedisClient, prefix: string): Promise<FleetNotice[]> {
  const k = keys(prefix);
  const raw = await redis.mget(k.llm('pause-notice'), k.llm('budget-notice'));
  return raw.flatMap((r) => (r ? [JSON.parse(r) as FleetNotice] : []));
}
