/**
 * CSRF defences for cookie-authenticated requests. Desk forms carry the
 * session's CSRF token in a hidden `_csrf` field; the login form (no session
 * yet) uses a double-submit cookie; the dashboard's own fetch() calls are
 * checked for a same-origin `Origin` / `Sec-Fetch-Site`. The SameSite cookie
 * is the second line of defence, not the only one.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { newSecret, sameSecret } from '../users/tokens.ts';
import { HttpError } from './errors.ts';
import type { AppEnv } from './types.ts';

export const CSRF_FIELD = '_csrf';
const LOGIN_COOKIE = 'laysum_login_csrf';

const refused = () =>
  new HttpError(
    403,
    'The form has no valid CSRF token, so it was not accepted.',
    'Reload the page and submit the form again.',
  );

/** Check a desk form's `_csrf` field against the session's token. */
export function assertFormCsrf(c: Context<AppEnv>, value: unknown): void {
  const session = c.get('session');
  if (!session || typeof value !== 'string' || !sameSecret(value, session.csrf)) throw refused();
}

/** A token for the login form, also set as a short-lived cookie (Secure when the browser came over https). */
export function issueLoginCsrf(c: Context<AppEnv>, secure: boolean): string {
  const token = newSecret(24);
  setCookie(c, LOGIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/login',
    maxAge: 3600,
    secure,
  });
  return token;
}

export function assertLoginCsrf(c: Context<AppEnv>, value: unknown): void {
  const cookie = getCookie(c, LOGIN_COOKIE);
  if (!cookie || typeof value !== 'string' || !sameSecret(value, cookie)) throw refused();
}

/** Refuse cookie-authenticated writes that a browser says came from another site. */
export function sameOriginWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS';
    if (!safe && c.get('via') === 'cookie' && !isSameOrigin(c)) throw refused();
    await next();
  };
}

function isSameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}
