/**
 * Signing in and out of the desk. A password or token is posted once (never
 * put in a URL), checked (./login-check.ts) and exchanged for a session
 * cookie; single sign-on is ./oidc.tsx, reset links ./reset.tsx. Signing out
 * deletes the session in Redis, not just the cookie.
 */
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../auth.ts';
import { isHttps } from '../../client.ts';
import { assertFormCsrf, assertLoginCsrf, CSRF_FIELD, issueLoginCsrf } from '../../csrf.ts';
import { limitBody } from '../../middleware.ts';
import { safeNext } from '../../next-path.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { LoginBody, type LoginProps } from '../views/login-page.tsx';
import { landingPath } from '../views/mine.tsx';
import { checkSignIn, startSession } from './login-check.ts';
import { page } from './render.tsx';

/** `next` as a path on the site this request reached (src/http/next-path.ts). */
export function nextPath(c: Context<AppEnv>, next: unknown): string {
  return safeNext(next, new URL(c.req.url).origin);
}

/** The sign-in page's forms, with a fresh login CSRF token. */
export function loginProps(deps: AppDeps, c: Context<AppEnv>, next: string, login?: string): LoginProps {
  const csrf = issueLoginCsrf(c, isHttps(c, deps.config));
  return { csrf, next, sso: deps.config.oidc?.label ?? null, ...(login ? { login } : {}) };
}

export function signIn(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/login', (c) => {
    const next = nextPath(c, c.req.query('next'));
    const signedIn = c.get('user');
    if (signedIn) return c.redirect(next === '/desk' ? landingPath(signedIn.role) : next, 303);
    return page(c, 'Sign in', <LoginBody {...loginProps(deps, c, next)} />);
  });
  app.post('/login', limitBody(16 * 1024), async (c) => {
    const body = await c.req.parseBody();
    assertLoginCsrf(c, body[CSRF_FIELD]);
    const next = nextPath(c, body.next);
    const checked = await checkSignIn(deps, c, body);
    if (!checked.ok) {
      const props = loginProps(deps, c, next, checked.login);
      return page(c, 'Sign in', <LoginBody {...props} />, { status: checked.status, banner: checked.banner });
    }
    const { user } = checked;
    await startSession(deps, c, user, checked.way);
    return c.redirect(next === '/desk' ? landingPath(user.role) : next, 303);
  });
  app.post('/logout', limitBody(16 * 1024), async (c) => {
    const body = await c.req.parseBody();
    const id = getCookie(c, SESSION_COOKIE);
    if (c.get('session')) assertFormCsrf(c, body[CSRF_FIELD]);
    if (id) await deps.sessions.destroy(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
  return app;
}
