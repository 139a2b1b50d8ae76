/**
 * Who is calling. The API trusts only `Authorization: Bearer TOKEN` (so a
 * browser's cookie can never drive it cross-site); the web desk trusts only
 * its session cookie; the admin dashboard takes either. `requirePermission`
 * turns the roles matrix (../users/roles.ts) into 401 / 403 answers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { can, type Permission, rolesWith } from '../users/roles.ts';
import type { StoredUser } from '../users/store.ts';
import { sameSecret } from '../users/tokens.ts';
import { isHttps } from './client.ts';
import { userForToken } from './credentials.ts';
import { badToken, HttpError, unauthorized } from './errors.ts';
import type { AppDeps, AppEnv } from './types.ts';

export const SESSION_COOKIE = 'laysum_session';

export interface IdentifyOptions {
  bearer: boolean;
  cookie: boolean;
}

export function identify(deps: AppDeps, options: IdentifyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    c.set('via', null);
    const header = c.req.header('authorization');
    if (options.bearer && header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
      const user = await userForToken(deps, c, token);
      if (!user) throw badToken();
      c.set('user', user);
      c.set('via', 'bearer');
    } else if (options.cookie) {
      await fromCookie(deps, c);
    }
    await next();
  };
}

async function fromCookie(deps: AppDeps, c: Context<AppEnv>): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id) return;
  const session = await deps.sessions.get(id);
  const user = session ? await deps.users.get(session.name) : null;
  // A removed (or re-created) user's sessions end, and so do they when a token is reissued or a password set.
  if (!session || !user || !sameSecret(user.stamp, session.stamp)) {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return;
  }
  c.set('user', user);
  c.set('session', session);
  c.set('via', 'cookie');
}

export function setSessionCookie(deps: AppDeps, c: Context<AppEnv>, id: string): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c, deps.config),
    maxAge: deps.sessions.ttlSeconds,
  });
}

/** 401 for anonymous callers, 403 for a role without the permission. */
export function assertCan(user: StoredUser | null, permission: Permission, web = false): StoredUser {
  if (!user) throw unauthorized(web);
  if (!can(user.role, permission)) {
    const roles = rolesWith(permission).join(' or ');
    throw new HttpError(
      403,
      `Not allowed: this needs the ${roles} role, and ${user.name} is ${article(user.role)} ${user.role}.`,
      'Ask an admin to give you an account with that role.',
    );
  }
  return user;
}

function article(role: string): string {
  return /^[aeiou]/.test(role) ? 'an' : 'a';
}

export function requirePermission(permission: Permission, web = false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    assertCan(c.get('user'), permission, web);
    await next();
  };
}

/** The signed-in user (after requirePermission has run). */
export function currentUser(c: Context<AppEnv>): StoredUser {
  const user = c.get('user');
  if (!user) throw unauthorized(c.get('via') !== 'bearer');
  return user;
}
