/** The small desk pages: sign-in, submit, errors (the history is ./history.tsx). */
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

export function SubmitBody({ csrf, maxPdfMb }: { csrf: string | null; maxPdfMb: string }) {
  return (
    <section class="panel narrow">
      <h1>Submit a paper</h1>
      <p class="muted">
        Give one of: pasted text, a PMID, a DOI, or a PDF. A paper LaySum already knows is not queued twice.
      </p>
      <form method="post" action="/desk/submit" enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={csrf ?? ''} />
        <div class="field">
          <label for="s-title">Title (for pasted text)</label>
          <input id="s-title" type="text" name="title" />
        </div>
        <div class="field">
          <label for="s-text">Abstract or text</label>
          <textarea id="s-text" name="text" rows={8} />
        </div>
        <div class="field">
          <label for="s-pmid">PMID</label>
          <input id="s-pmid" type="text" name="pmid" inputmode="numeric" />
        </div>
        <div class="field">
          <label for="s-doi">DOI</label>
          <input id="s-doi" type="text" name="doi" placeholder="10.1136/bmj.k3225" />
        </div>
        <div class="field">
          <label for="s-pdf">PDF (up to {maxPdfMb} MB)</label>
          <input id="s-pdf" type="file" name="pdf" accept="application/pdf" />
        </div>
        <button type="submit" class="primary">
          Submit
        </button>
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
