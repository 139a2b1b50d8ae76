/**
 * Signing in and out of the desk. The token is posted once (never put in a
 * URL), checked against its stored hash, and exchanged for a session cookie;
 * signing out deletes the session in Redis, not just the cookie.
 */
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { isHttps } from '../client.ts';
import { assertFormCsrf, assertLoginCsrf, CSRF_FIELD, issueLoginCsrf } from '../csrf.ts';
import { limitBody } from '../middleware.ts';
import { safeNext } from '../next-path.ts';
import { signInLimit } from '../sign-in-limit.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { landingPath } from './mine.tsx';
import { LoginBody } from './pages.tsx';
import { page } from './render.tsx';

/** `next` as a path on the site this request reached (src/http/next-path.ts). */
function nextPath(c: Context<AppEnv>, next: unknown): string {
  return safeNext(next, new URL(c.req.url).origin);
}

export function signIn(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/login', (c) => {
    const next = nextPath(c, c.req.query('next'));
    const signedIn = c.get('user');
    if (signedIn) return c.redirect(next === '/desk' ? landingPath(signedIn.role) : next, 303);
    return page(c, 'Sign in', <LoginBody csrf={issueLoginCsrf(c, isHttps(c, deps.config))} next={next} />);
  });
  app.post('/login', limitBody(16 * 1024), async (c) => {
    const body = await c.req.parseBody();
    assertLoginCsrf(c, body[CSRF_FIELD]);
    const next = nextPath(c, body.next);
    const limit = signInLimit(deps);
    await limit.check(c);
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const user = token ? await deps.users.authenticate(token) : null;
    if (!user) {
      await limit.failed(c, 'unknown token');
      const banner = {
        kind: 'error' as const,
        text: 'That token is not valid.',
        hint: 'Check it was pasted whole, or ask an admin for a new one.',
      };
      return page(c, 'Sign in', <LoginBody csrf={issueLoginCsrf(c, isHttps(c, deps.config))} next={next} />, {
        status: 401,
        banner,
      });
    }
    const { id } = await deps.sessions.create(user);
    setSessionCookie(deps, c, id);
    deps.log.info({ user: user.name, role: user.role }, `sign-in: ${user.name} (${user.role})`);
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
