/**
 * A limit on failed sign-ins and bad Bearer tokens, counted in Redis so every
 * server process shares it (rate-limiter-flexible's RateLimiterRedis): per
 * client address (SIGNIN_MAX_FAILURES in SIGNIN_FAILURE_WINDOW_S), and across
 * all addresses (SIGNIN_MAX_FAILURES_ALL, against guessing spread over many
 * addresses). Tokens name no account, so the shared cap stands in for a
 * per-account one. Over the limit, every attempt from that address (even one
 * with a valid token) is answered 429 with Retry-After until the window ends,
 * and logged with the address.
 */
import type { Context } from 'hono';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from './client.ts';
import { HttpError } from './errors.ts';
import type { AppDeps, AppEnv } from './types.ts';

export interface SignInLimit {
  /** Throws 429 when the caller's address (or everyone) is over the limit. */
  check(c: Context<AppEnv>): Promise<void>;
  /** Count a failed attempt; throws 429 when it was one too many. */
  failed(c: Context<AppEnv>, what: string): Promise<void>;
}

const made = new WeakMap<AppDeps, SignInLimit>();

/** The app's limit (one per app, so its limiters and their Redis script are built once). */
export function signInLimit(deps: AppDeps): SignInLimit {
  let limit = made.get(deps);
  if (!limit) {
    limit = createSignInLimit(deps);
    made.set(deps, limit);
  }
  return limit;
}

function createSignInLimit(deps: AppDeps): SignInLimit {
  const { maxFailures, windowSeconds, maxFailuresAll } = deps.config.http.signIn;
  const options = { storeClient: deps.users.redis, duration: windowSeconds };
  const prefix = `${deps.config.redis.prefix}:signin-failures`;
  const perAddress = new RateLimiterRedis({ ...options, points: maxFailures, keyPrefix: `${prefix}:addr` });
  const all =
    maxFailuresAll > 0
      ? new RateLimiterRedis({ ...options, points: maxFailuresAll, keyPrefix: `${prefix}:all` })
      : null;
  const trust = deps.config.http.trustProxy;
  const addressOf = (c: Context<AppEnv>) => clientAddress(c, trust) ?? 'unknown';

  const tooMany = (c: Context<AppEnv>, res: RateLimiterRes, everyone: boolean) => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    const remote = addressOf(c);
    const who = everyone ? 'from all addresses together' : `from ${remote}`;
    deps.log.warn(
      { remote, retryAfterSeconds: seconds, scope: everyone ? 'all' : 'address' },
      `sign-in refused: too many failed sign-ins ${who}; blocked for ${seconds} s`,
    );
    return new HttpError(
      429,
      `Too many failed sign-ins ${everyone ? 'on this server' : 'from your address'}: try again in ${seconds} s.`,
      'Check that the token was pasted whole; an admin can issue a new one with `laysum users add`.',
      seconds,
    );
  };

  return {
    async check(c) {
      const [mine, everyone] = await Promise.all([perAddress.get(addressOf(c)), all?.get('all')]);
      if (mine && mine.consumedPoints >= maxFailures) throw tooMany(c, mine, false);
      if (everyone && everyone.consumedPoints >= maxFailuresAll) throw tooMany(c, everyone, true);
    },
    async failed(c, what) {
      const remote = addressOf(c);
      const mine = await count(perAddress, remote);
      const everyone = all ? await count(all, 'all') : null;
      deps.log.warn(
        { remote, failures: mine.res.consumedPoints },
        `sign-in refused from ${remote}: ${what} (${mine.res.consumedPoints} of ${maxFailures} failures allowed in ${windowSeconds} s)`,
      );
      if (mine.over) throw tooMany(c, mine.res, false);
      if (everyone?.over) throw tooMany(c, everyone.res, true);
    },
  };
}

/** Count one failure; `over` once the limit is passed. */
async function count(
  limiter: RateLimiterRedis,
  key: string,
): Promise<{ res: RateLimiterRes; over: boolean }> {
  try {
    return { res: await limiter.consume(key), over: false };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { res: err, over: true };
    throw err;
  }
}
