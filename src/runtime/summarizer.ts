/** The configured summarizer: an OpenAI-compatible LLM, or the offline extractive provider. */
import type { Config } from '../config/env.ts';
import { createLlmClient } from '../llm/client.ts';
import { loadPrompt } from '../llm/prompt.ts';
import type { Logger } from '../log/logger.ts';
import { createRedisLlmGate } from '../store/llm-gate.ts';
import type { RedisClient } from '../store/redis-client.ts';
import { createExtractiveSummarizer } from '../summarize/extractive-summarizer.ts';
import { createOpenAiSummarizer } from '../summarize/openai-summarizer.ts';
import type { Summarizer } from '../summarize/types.ts';

/**
 * With `redis`, every LLM call goes through the fleet's shared limits, cache and ledger; `log` hears
 * once when the fleet learns that a server answers only in a lesser output mode.
 */
export function createSummarizer(config: Config, redis?: RedisClient, log?: Logger): Summarizer {
  if (config.llm.provider === 'extractive') return createExtractiveSummarizer(config.site);
  return createOpenAiSummarizer(
    createLlmClient(config.llm),
    config.llm,
    loadPrompt('summarize'),
    config.limits.fullTextBudgetChars,
    {
      site: config.site,
      simplifyPrompt: loadPrompt('simplify'),
      ...(config.llm.verify ? { verifyPrompt: loadPrompt('verify') } : {}),
      ...(redis
        ? {
            gate: createRedisLlmGate(redis, config.redis.prefix, config.llm, (entry, message) =>
              log?.warn({ server: entry.server, model: entry.model, outputMode: entry.mode }, message),
            ),
          }
        : {}),
    },
  );
}
