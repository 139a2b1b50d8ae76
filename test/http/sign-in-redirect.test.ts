/**
 * `/login?next=…` on the real app: after signing in (or when already signed
 * in) the browser goes to a path on this site and never elsewhere, and a
 * `next` with a newline answers a page, not a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, hiddenCsrf, signIn, startHttp, type WebSession } from './support.ts';

let h: HttpHarness;
let editor: WebSession;

beforeAll(async () => {
  h = await startHttp();
  editor = await signIn(h, h.tokens.editor);
});
afterAll(async () => {
  await h.cleanup();
});

/** Where the browser goes after posting the sign-in form with this `next`. */
async function postSignIn(next: string): Promise<Response> {
  const form = await h.call('/login');
  const cookie = form.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const body = new URLSearchParams({ _csrf: hiddenCsrf(await form.text()), token: h.tokens.editor, next });
  return h.call('/login', { method: 'POST', body, headers: { cookie } });
}

/** Where `location` points, resolved as a browser would against the server's address. */
function landing(res: Response): URL {
  return new URL(res.headers.get('location') ?? '', h.url);
}

const offSite = [
  '/\t/127.0.0.2:27998/phish',
  '//127.0.0.2:27998/phish',
  '/\\127.0.0.2:27998/phish',
  '/.//127.0.0.2',
];

describe('the sign-in redirect', () => {
  it.each(offSite)('stays on this site after signing in with next=%j', async (next) => {
    const res = await postSignIn(next);
    expect(res.status).toBe(303);
    expect(landing(res).origin).toBe(new URL(h.url).origin);
    expect(res.headers.get('location')).not.toMatch(/127\.0\.0\.2/);
  });

  it.each(offSite)('stays on this site when already signed in, next=%j', async (next) => {
    const res = await editor.get(`/login?next=${encodeURIComponent(next)}`);
    expect(res.status).toBe(303);
    expect(landing(res).origin).toBe(new URL(h.url).origin);
    expect(res.headers.get('location')).not.toMatch(/127\.0\.0\.2/);
  });

  it('answers a newline in next with the landing page, not a 500', async () => {
    const signedIn = await editor.get('/login?next=/%0A/x');
    expect(signedIn.status).toBe(303);
    expect(landing(signedIn).origin).toBe(new URL(h.url).origin);
    const form = await h.call('/login?next=/%0A/x');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="next" value="/desk"');
    const posted = await postSignIn('/\n/x');
    expect(posted.status).toBe(303);
    expect(landing(posted).pathname).not.toBe('/x');
  });

  it('still follows a next on this site', async () => {
    const res = await postSignIn('/desk/history?q=hip');
    expect(res.headers.get('location')).toBe('/desk/history?q=hip');
  });
});
