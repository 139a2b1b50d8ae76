/**
 * Single sign-on routes: /login/oidc sends the browser to the team's
 * identity provider (the sign-in attempt tied to an httpOnly cookie), and
 * /login/oidc/callback takes its answer, finds the LaySum account
 * (../../users/oidc-accounts.ts) and starts a session like any sign-in.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { OIDC_CALLBACK_PATH } from '../../../config/oidc.ts';
import { InputError } from '../../../errors/input-error.ts';
import { OidcAccounts } from '../../../users/oidc-accounts.ts';
import { isHttps } from '../../client.ts';
import { HttpError } from '../../errors.ts';
import { OIDC_STATE_SECONDS, oidcFlow } from '../../oidc.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { afterSignIn, startSession } from './login-check.ts';
import { nextPath } from './sign-in.tsx';

const COOKIE = 'laysum_oidc';
const COOKIE_PATH = '/login/oidc';

export function oidcPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const accounts = new OidcAccounts(deps.users);
  const flowOrRefuse = () => {
    const flow = oidcFlow(deps);
    if (!flow)
      throw new HttpError(
        404,
        'Single sign-on is not set up on this server.',
        'Sign in with your user name and password; an admin sets OIDC_ISSUER to turn single sign-on on.',
      );
    return flow;
  };

  app.get('/login/oidc', async (c) => {
    const { url, cookie } = await flowOrRefuse().start(nextPath(c, c.req.query('next')));
    // Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
    setCookie(c, COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'Lax',
      path: COOKIE_PATH,
      maxAge: OIDC_STATE_SECONDS,
      secure: isHttps(c, deps.config),
    });
    return c.redirect(url, 303);
  });

  app.get(OIDC_CALLBACK_PATH, async (c) => {
    const flow = flowOrRefuse();
    const cookie = getCookie(c, COOKIE) ?? '';
    deleteCookie(c, COOKIE, { path: COOKIE_PATH });
    const { identity, next } = await flow.finish(cookie, new URL(c.req.url).search);
    const policy = { claim: deps.config.oidc?.roleClaim ?? null, map: deps.config.oidc?.roleMap ?? {} };
    let signedIn: Awaited<ReturnType<typeof accounts.signIn>>;
    try {
      signedIn = await accounts.signIn(identity, policy);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      deps.log.warn({ subject: identity.subject }, `single sign-on refused: ${err.message}`);
      throw new HttpError(403, err.message, err.hint);
    }
    if (signedIn.event) deps.log.info({ user: signedIn.user.name }, `single sign-on: ${signedIn.event}`);
    await startSession(deps, c, signedIn.user, 'single sign-on');
    return c.redirect(afterSignIn(nextPath(c, next), signedIn.user), 303);
  });
  return app;
}
