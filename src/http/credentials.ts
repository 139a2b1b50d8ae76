/**
 * Checking a presented credential (an API token, or a user name or email with
 * a password) under the sign-in limits: the limit is asked before anything is
 * checked, and a failure is counted against the caller's address and the
 * account the credential names. A token of the older form, which names no
 * account, still works; the log says once per account how to replace it.
 */
import type { Context } from 'hono';
import type { StoredUser } from '../users/store.ts';
import { tokenAccount } from '../users/tokens.ts';
import { signInLimit } from './sign-in-limit.ts';
import type { AppDeps, AppEnv } from './types.ts';

const warnedUnnamed = new Set<string>();

/** The token's user, or null once the failure is counted (429 when the caller is over a limit). */
export async function userForToken(
  deps: AppDeps,
  c: Context<AppEnv>,
  token: string,
): Promise<StoredUser | null> {
  const limit = signInLimit(deps);
  const account = tokenAccount(token);
  await limit.check(c, account);
  const user = token ? await deps.users.authenticate(token) : null;
  if (!user) {
    await limit.failed(c, account, 'unknown API token');
    return null;
  }
  if (user.token === 'unnamed' && !warnedUnnamed.has(user.name)) {
    warnedUnnamed.add(user.name);
    deps.log.warn(
      { user: user.name },
      `sign-in: ${user.name} used a token of the older form, which names no account; \`laysum users token ${user.name}\` issues one that does (the old one then stops working)`,
    );
  }
  return user;
}

/** The account whose password this is, or null once the failure is counted (429 when over a limit). */
export async function userForPassword(
  deps: AppDeps,
  c: Context<AppEnv>,
  login: string,
  password: string,
): Promise<StoredUser | null> {
  const limit = signInLimit(deps);
  const name = await deps.users.nameFor(login);
  // An unknown name or email is counted like a known one, so the answers do not tell them apart.
  const account = name ?? login.trim().toLowerCase();
  await limit.check(c, account);
  const user = await deps.users.checkPassword(name ?? '', password);
  if (!user) await limit.failed(c, account, 'wrong user name or password');
  return user;
}
