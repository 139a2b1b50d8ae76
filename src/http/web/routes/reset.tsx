/**
 * Opening a password reset link (/login/reset?token=...): the page names the
 * account and asks for the new password twice; posting it spends the link,
 * ends the account's other sessions and signs in. The secret travels in the
 * query string (request logs keep the path only) and in the form, never in a
 * redirect. Unknown or spent links count as failed sign-ins of the address.
 */
import { type Context, Hono } from 'hono';
import { InputError } from '../../../errors/input-error.ts';
import { PASSWORD_MIN } from '../../../users/passwords.ts';
import { RESET_PATH, resetLinks } from '../../../users/reset-links.ts';
import { isHttps } from '../../client.ts';
import { assertLoginCsrf, CSRF_FIELD, issueLoginCsrf } from '../../csrf.ts';
import { HttpError } from '../../errors.ts';
import { limitBody } from '../../middleware.ts';
import { signInLimit } from '../../sign-in-limit.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import type { Banner } from '../views/layout.tsx';
import { afterSignIn, startSession } from './login-check.ts';
import { page } from './render.tsx';

function ResetBody({ csrf, token, name }: { csrf: string; token: string; name: string }) {
  return (
    <section class="login panel">
      <h1>Set your password</h1>
      <p>
        For the account <strong>{name}</strong>. This link works once; setting a password signs you in and
        ends your other sessions.
      </p>
      <form method="post" action={RESET_PATH} id="reset-form">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="token" value={token} />
        <label for="new-password">New password (at least {PASSWORD_MIN} characters)</label>
        <input id="new-password" type="password" name="password" autocomplete="new-password" required />
        <label for="confirm-password">The same password again</label>
        <input id="confirm-password" type="password" name="confirm" autocomplete="new-password" required />
        <p>
          <button type="submit" class="primary">
            Set password and sign in
          </button>
        </p>
      </form>
    </section>
  );
}

const spent = () =>
  new HttpError(
    410,
    'This link is not valid: it was used already, it expired, or a newer link replaced it.',
    'Ask an admin for a new link (`laysum users reset NAME`, or Reset link on the users page).',
  );

const field = (body: Record<string, unknown>, key: string) =>
  typeof body[key] === 'string' ? (body[key] as string) : '';

export function resetPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const links = resetLinks(deps.users, deps.config);
  const limit = signInLimit(deps);

  const form = (c: Context<AppEnv>, token: string, name: string, banner?: Banner) => {
    const csrf = issueLoginCsrf(c, isHttps(c, deps.config));
    return page(c, 'Set your password', <ResetBody csrf={csrf} token={token} name={name} />, {
      status: banner ? 400 : 200,
      banner: banner ?? null,
    });
  };
  /** The link's account, or a 410 once the failure is counted against the address. */
  const accountOf = async (c: Context<AppEnv>, token: string): Promise<string> => {
    await limit.check(c, null);
    const name = await links.peek(token);
    if (name) return name;
    await limit.failed(c, null, 'unknown or spent reset link');
    throw spent();
  };

  app.get(RESET_PATH, async (c) => {
    const token = c.req.query('token') ?? '';
    return form(c, token, await accountOf(c, token));
  });
  app.post(RESET_PATH, limitBody(16 * 1024), async (c) => {
    const body = await c.req.parseBody();
    assertLoginCsrf(c, body[CSRF_FIELD]);
    const token = field(body, 'token');
    const name = await accountOf(c, token);
    const password = field(body, 'password');
    if (password !== field(body, 'confirm'))
      return form(c, token, name, {
        kind: 'error',
        text: 'The two passwords are not the same.',
        hint: 'Type the new password twice.',
      });
    let user: Awaited<ReturnType<typeof links.use>>;
    try {
      user = await links.use(token, password);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return form(c, token, name, { kind: 'error', text: err.message, hint: err.hint ?? null });
    }
    if (!user) throw spent();
    deps.log.info({ user: user.name }, `password set for ${user.name} through a reset link`);
    await startSession(deps, c, user, 'reset link');
    return c.redirect(afterSignIn('/desk', user), 303);
  });
  return app;
}
