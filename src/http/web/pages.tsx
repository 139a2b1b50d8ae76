/** The small desk pages: sign-in and errors (the history is ./history.tsx, submitting ./editor-pages.tsx). */
import { CSRF_FIELD } from '../csrf.ts';

export function LoginBody({ csrf, next }: { csrf: string; next: string }) {
  return (
    <section class="login panel">
      <h1>Sign in</h1>
      <p>
        Paste the token an admin gave you (from <code>laysum users add</code>). It is sent once; the desk
        keeps a session cookie.
      </p>
      <form method="post" action="/login">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="next" value={next} />
        <label for="token">Token</label>
        <input id="token" type="password" name="token" autocomplete="off" required />
        <p>
          <button type="submit" class="primary">
            Sign in
          </button>
        </p>
      </form>
    </section>
  );
}

export function ErrorBody({ status }: { status: number }) {
  return (
    <p>
      {status === 401 ? <a href="/login">Sign in</a> : <a href="/desk">Back to the queue</a>}
      <span class="muted"> (HTTP {status})</span>
    </p>
  );
}
