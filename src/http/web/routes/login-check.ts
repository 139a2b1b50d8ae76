/**
 * What the sign-in form posts are checked as, and what a successful sign-in
 * does (by password, token, single sign-on or a reset link alike): a new
 * session whose cookie replaces any other, and one log line naming the user
 * and the way in (never the credential).
 */
import type { Context } from 'hono';
import type { StoredUser } from '../../../users/store.ts';
import { setSessionCookie } from '../../auth.ts';
import { userForPassword, userForToken } from '../../credentials.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import type { Banner } from '../views/layout.tsx';
import { landingPath } from '../views/mine.tsx';

export type SignInWay = 'password' | 'token' | 'single sign-on' | 'reset link';

export type Checked =
  | { ok: true; user: StoredUser; way: SignInWay }
  | { ok: false; status: 400 | 401; banner: Banner; login: string };

const MAX_LOGIN = 320;
const MAX_PASSWORD = 1024;

const field = (body: Record<string, unknown>, key: string) =>
  typeof body[key] === 'string' ? (body[key] as string) : '';

/** The posted token, or user name (or email) and password, checked under the sign-in limits (which throw 429). */
export async function checkSignIn(
  deps: AppDeps,
  c: Context<AppEnv>,
  body: Record<string, unknown>,
): Promise<Checked> {
  const token = field(body, 'token').trim();
  if (token) {
    const user = await userForToken(deps, c, token);
    if (user) return { ok: true, user, way: 'token' };
    return refused(
      401,
      '',
      'That token is not valid.',
      'Check it was pasted whole, or ask an admin for a new one.',
    );
  }
  const login = field(body, 'login').trim().slice(0, MAX_LOGIN);
  const password = field(body, 'password');
  if (!login || !password)
    return refused(
      400,
      login,
      'Enter your user name (or email) and your password.',
      'Both fields are needed.',
    );
  if (password.length > MAX_PASSWORD)
    return refused(400, login, 'That password is longer than any LaySum accepts.', 'Check what was pasted.');
  const user = await userForPassword(deps, c, login, password);
  if (user) return { ok: true, user, way: 'password' };
  return refused(
    401,
    login,
    'That user name (or email) and password do not match an account.',
    'Check both and try again. No password yet, or forgot it? An admin can give you a link to set one.',
  );
}

function refused(status: 400 | 401, login: string, text: string, hint: string): Checked {
  return { ok: false, status, login, banner: { kind: 'error', text, hint } };
}

/** Start a session for the user (the cookie is set on `c`) and log it. */
export async function startSession(
  deps: AppDeps,
  c: Context<AppEnv>,
  user: StoredUser,
  way: SignInWay,
): Promise<void> {
  const { id } = await deps.sessions.create(user);
  setSessionCookie(deps, c, id);
  deps.log.info({ user: user.name, role: user.role, way }, `sign-in: ${user.name} (${user.role}) by ${way}`);
}

/** Where a signed-in user goes: `next`, or their role's landing page when `next` is the default. */
export function afterSignIn(next: string, user: StoredUser): string {
  return next === '/desk' ? landingPath(user.role) : next;
}
