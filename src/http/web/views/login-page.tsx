/**
 * The sign-in page: the team's single sign-on (when OIDC_ISSUER is set), a
 * user name or email with a password, and an API token. Each form posts once
 * with the login CSRF token; nothing secret is ever put in a URL or echoed back.
 */
import { CSRF_FIELD } from '../../csrf.ts';

export interface LoginProps {
  csrf: string;
  next: string;
  /** The single sign-on button's text, or null without single sign-on. */
  sso: string | null;
  /** What was typed as the user name, kept after a refusal (never the password). */
  login?: string;
}

export function LoginBody({ csrf, next, sso, login }: LoginProps) {
  return (
    <section class="login panel">
      <h1>Sign in</h1>
      {sso ? (
        <>
          {/* A link, not a form: the desk's form-action 'self' would stop a form redirected to the provider. */}
          <p>
            <a id="sso" href={`/login/oidc?next=${encodeURIComponent(next)}`}>
              {sso}
            </a>
          </p>
          <p class="muted">Or with your user name and password:</p>
        </>
      ) : null}
      <form method="post" action="/login" id="password-form">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="next" value={next} />
        <label for="login">User name or email</label>
        <input id="login" type="text" name="login" autocomplete="username" value={login ?? ''} required />
        <label for="password">Password</label>
        <input id="password" type="password" name="password" autocomplete="current-password" required />
        <p>
          <button type="submit" class="primary">
            Sign in
          </button>
        </p>
      </form>
      <p class="muted small">No password yet, or forgot it? An admin can give you a link to set one.</p>
      <h2>With an API token</h2>
      <form method="post" action="/login" id="token-form">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="next" value={next} />
        <label for="token">Token</label>
        <input id="token" type="password" name="token" autocomplete="off" required />
        <p>
          <button type="submit">Sign in with the token</button>
        </p>
      </form>
    </section>
  );
}
