/** The small desk pages: errors (sign-in is ./login-page.tsx, the history ./history.tsx, submitting ../routes/editor-pages.tsx). */

export function ErrorBody({ status }: { status: number }) {
  return (
    <p>
      {status === 401 ? <a href="/login">Sign in</a> : <a href="/desk">Back to the queue</a>}
      <span class="muted"> (HTTP {status})</span>
    </p>
  );
}
