/**
 * The counts of failed sign-ins, in Redis so every server process shares
 * them (rate-limiter-flexible's RateLimiterRedis): per client address, per
 * account, and per address at one account. What they mean and when they
 * refuse is ../http/sign-in-limit.ts's business; this module only holds
 * the connection and the keys.
 */
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisClient } from './redis-client.ts';

export interface SignInCounters {
  perAddress: RateLimiterRedis;
  perAccount: RateLimiterRedis;
  perPair: RateLimiterRedis;
}

export function signInCounters(
  redis: RedisClient,
  prefix: string,
  limits: { maxFailures: number; windowSeconds: number; accountMaxFailures: number },
): SignInCounters {
  const options = { storeClient: redis, duration: limits.windowSeconds };
  const keyPrefix = `${prefix}:signin-failures`;
  return {
    perAddress: new RateLimiterRedis({
      ...options,
      points: limits.maxFailures,
      keyPrefix: `${keyPrefix}:addr`,
    }),
    perAccount: new RateLimiterRedis({
      ...options,
      points: limits.accountMaxFailures,
      keyPrefix: `${keyPrefix}:account`,
    }),
    perPair: new RateLimiterRedis({ ...options, points: limits.maxFailures, keyPrefix: `${keyPrefix}:pair` }),
  };
}
