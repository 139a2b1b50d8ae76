/**
 * Limits on failed sign-ins (passwords, desk tokens, Bearer tokens, reset
 * links), counted in Redis so every server process shares them
 * (rate-limiter-flexible's RateLimiterRedis). Two counts, each over
 * SIGNIN_FAILURE_WINDOW_S:
 *
 * - per client address (SIGNIN_MAX_FAILURES): over it, that address gets 429
 *   with Retry-After for every attempt, even a correct one: those were its own
 *   failures;
 * - per account (SIGNIN_ACCOUNT_MAX_FAILURES): passwords and tokens name their
 *   account, so guesses at one account from many addresses add up. Over it,
 *   the account slows down rather than locking: each address gets one attempt
 *   at it until the window ends, so a distributed guesser gets one guess per
 *   address while the account's owner, from an address that has not failed
 *   at it, still gets in with the right password.
 *
 * There is no cap across all addresses: it let anyone lock everyone out.
 * Failures that name no account (a mistyped or older token) count against
 * the address only.
 */
import type { Context } from 'hono';
import { type RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from './client.ts';
import { HttpError } from './errors.ts';
import type { AppDeps, AppEnv } from './types.ts';

export interface SignInLimit {
  /** Throws 429 when the caller's address is over its limit, or the account is being guessed at and this address has had its attempt. */
  check(c: Context<AppEnv>, account: string | null): Promise<void>;
  /** Count a failed attempt against the address and the account it named; throws 429 when it was one too many. */
  failed(c: Context<AppEnv>, account: string | null, what: string): Promise<void>;
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

const HINT =
  'Check the user name and password (or that the token was pasted whole); an admin can send a reset link (`laysum users reset NAME`) or a new token (`laysum users token NAME`).';

function createSignInLimit(deps: AppDeps): SignInLimit {
  // perPair, an address's failures at one account, decides its one attempt while the account is being guessed at.
  const { perAddress, perAccount, perPair } = deps.signInCounters;
  const { maxFailures, windowSeconds, accountMaxFailures } = deps.config.http.signIn;
  const trust = deps.config.http.trustProxy;
  const addressOf = (c: Context<AppEnv>) => clientAddress(c, trust) ?? 'unknown';
  const pairKey = (account: string, remote: string) => JSON.stringify([account, remote]);

  const fromAddress = (remote: string, res: RateLimiterRes) => {
    const seconds = secondsOf(res);
    deps.log.warn(
      { remote, retryAfterSeconds: seconds, scope: 'address' },
      `sign-in refused: too many failed sign-ins from ${remote}; blocked for ${seconds} s`,
    );
    return new HttpError(
      429,
      `Too many failed sign-ins from your address: try again in ${seconds} s.`,
      HINT,
      seconds,
    );
  };
  const atAccount = (remote: string, account: string, res: RateLimiterRes) => {
    const seconds = secondsOf(res);
    deps.log.warn(
      { remote, account, retryAfterSeconds: seconds, scope: 'account' },
      `sign-in refused: ${remote} already had its one attempt at "${account}", which is being guessed at; ${seconds} s to wait`,
    );
    return new HttpError(
      429,
      `Too many failed sign-ins to this account: try again from your address in ${seconds} s.`,
      `Failed sign-ins from many places mean each address gets one attempt at this account for now. ${HINT}`,
      seconds,
    );
  };

  return {
    async check(c, account) {
      const remote = addressOf(c);
      const [mine, theirs, pair] = await Promise.all([
        perAddress.get(remote),
        account === null ? null : perAccount.get(account),
        account === null ? null : perPair.get(pairKey(account, remote)),
      ]);
      if (mine && mine.consumedPoints >= maxFailures) throw fromAddress(remote, mine);
      if (account !== null && theirs && theirs.consumedPoints >= accountMaxFailures && pair)
        throw atAccount(remote, account, pair);
    },
    async failed(c, account, what) {
      const remote = addressOf(c);
      const mine = await count(perAddress, remote);
      const named = account === null ? '' : ` at "${account}"`;
      deps.log.warn(
        { remote, account, failures: mine.res.consumedPoints },
        `sign-in refused from ${remote}: ${what}${named} (${mine.res.consumedPoints} of ${maxFailures} failures allowed in ${windowSeconds} s)`,
      );
      if (account !== null) {
        await count(perPair, pairKey(account, remote));
        const theirs = await count(perAccount, account);
        if (theirs.res.consumedPoints === accountMaxFailures)
          deps.log.warn(
            { account, failures: theirs.res.consumedPoints, scope: 'account' },
            `sign-in: "${account}" had ${theirs.res.consumedPoints} failed sign-ins in ${windowSeconds} s; each address now gets one attempt at it until they stop`,
          );
      }
      if (mine.over) throw fromAddress(remote, mine.res);
    },
  };
}

function secondsOf(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
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
