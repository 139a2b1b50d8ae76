/**
 * Passwords and reset links, over HTTP against the real Redis: an admin makes
 * a one-time link (API or desk), its holder sets a password with it (once,
 * before it expires, only the latest link), then signs in with the user name
 * or email and that password. A wrong password and an unknown name get the
 * same answer. Tokens of the older form keep working until reissued. No
 * password or link reaches the log.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { userKeys } from '../../src/store/user-keys.ts';
import {
  type HttpHarness,
  hiddenCsrf,
  postLogin,
  sessionCookie,
  sessionFrom,
  signIn,
  startHttp,
} from './support.ts';

let h: HttpHarness;
let short: HttpHarness;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  h = await startHttp();
  short = await startHttp({ RESET_LINK_TTL_S: '1' });
});
afterAll(async () => {
  await h.cleanup();
  await short.cleanup();
});

async function resetLink(hh: HttpHarness, name: string): Promise<{ url: string; expiresAt: string }> {
  const res = await hh.call(`/api/users/${name}/reset-link`, { method: 'POST', token: hh.tokens.admin });
  expect(res.status).toBe(201);
  return (await res.json()) as { url: string; expiresAt: string };
}

/** The link on the test's server (it is made for PUBLIC_BASE_URL, which is not where the test listens). */
const here = (hh: HttpHarness, link: string) => {
  const url = new URL(link);
  return `${hh.url}${url.pathname}${url.search}`;
};

/** Open a link like a browser and post the new password twice; returns the answer to the post. */
async function useLink(
  hh: HttpHarness,
  url: string,
  password: string,
  confirm = password,
): Promise<Response> {
  const page = await fetch(here(hh, url), { headers: { accept: 'text/html' }, redirect: 'manual' });
  if (page.status !== 200) return page;
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = new URL(url).searchParams.get('token') ?? '';
  return fetch(`${hh.url}/login/reset`, {
    method: 'POST',
    headers: { accept: 'text/html', cookie },
    body: new URLSearchParams({ _csrf: hiddenCsrf(await page.text()), token, password, confirm }),
    redirect: 'manual',
  });
}

describe('a reset link', () => {
  it('names the account, refuses a weak or mistyped password, then sets it once and signs in', async () => {
    const link = await resetLink(h, 'reviewer-1');
    expect(link.url).toMatch(new RegExp(`^${h.p.ctx.config.http.publicBaseUrl}/login/reset\\?token=`));
    const page = await fetch(here(h, link.url), { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('For the account <strong>reviewer-1</strong>');

    const mistyped = await useLink(h, link.url, PASSWORD, `${PASSWORD}!`);
    expect(mistyped.status).toBe(400);
    expect(await mistyped.text()).toContain('The two passwords are not the same.');
    const weak = await useLink(h, link.url, 'short');
    expect(weak.status).toBe(400);
    expect(await weak.text()).toMatch(/The password is too short \(5 characters\)[\s\S]*at least 12/);

    const set = await useLink(h, link.url, PASSWORD);
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/desk');
    const desk = await fetch(`${h.url}/desk`, {
      headers: { accept: 'text/html', cookie: sessionCookie(set) },
    });
    expect(desk.status).toBe(200);

    const twice = await useLink(h, link.url, 'another long passphrase');
    expect(twice.status).toBe(410);
    expect(await twice.text()).toContain('it was used already, it expired, or a newer link replaced it');
    expect((await postLogin(h, { login: 'reviewer-1', password: 'another long passphrase' })).status).toBe(
      401,
    );
  });

  it('is void once a newer one is made, and ends the sessions signed in before it is used', async () => {
    const before = await signIn(h, h.tokens.editor);
    const old = await resetLink(h, 'editor-1');
    const current = await resetLink(h, 'editor-1');
    expect((await useLink(h, old.url, PASSWORD)).status).toBe(410);
    expect((await useLink(h, current.url, PASSWORD)).status).toBe(303);
    expect((await before.get('/desk/mine')).status).toBe(303);
    // The token itself still works for scripts.
    expect((await h.call('/api/mine', { token: h.tokens.editor })).status).toBe(200);
  });

  it('stops working when it expires, unused', async () => {
    const link = await resetLink(short, 'editor-1');
    const wait = Date.parse(link.expiresAt) - Date.now() + 250;
    await new Promise((r) => setTimeout(r, Math.max(0, wait)));
    const res = await useLink(short, link.url, PASSWORD);
    expect(res.status).toBe(410);
    expect((await postLogin(short, { login: 'editor-1', password: PASSWORD })).status).toBe(401);
  });

  it('is made on the desk by an admin and shown once', async () => {
    const admin = await signIn(h, h.tokens.admin);
    const res = await admin.post('/desk/admin/users/reviewer-1/reset', {});
    expect(res.status).toBe(200);
    const url = /id="reset-link">\s*([^<\s]+)\s*</.exec(await res.text())?.[1] ?? '';
    expect(url).toContain('/login/reset?token=');
    expect(await (await admin.get('/desk/admin/users')).text()).not.toContain(url);
    expect((await admin.post('/desk/admin/users/nobody/reset', {})).status).toBe(404);
    const editor = await signIn(h, h.tokens.editor);
    expect((await editor.post('/desk/admin/users/reviewer-1/reset', {})).status).toBe(403);
  });
});

describe('password sign-in', () => {
  it('takes the user name or the email with the password, and refuses a wrong one like an unknown name', async () => {
    const email = await h.call('/api/users/reviewer-1', {
      method: 'PATCH',
      token: h.tokens.admin,
      json: { email: 'Rev.One@Example.org' },
    });
    expect(await email.json()).toMatchObject({
      name: 'reviewer-1',
      email: 'rev.one@example.org',
      password: true,
    });
    const byName = await postLogin(h, { login: 'reviewer-1', password: PASSWORD });
    expect(byName.status).toBe(303);
    expect((await sessionFrom(h, byName)).csrf).not.toBe('');
    expect((await postLogin(h, { login: 'rev.one@example.org', password: PASSWORD })).status).toBe(303);

    const wrong = await postLogin(h, { login: 'reviewer-1', password: `${PASSWORD}.` });
    const unknown = await postLogin(h, { login: 'nobody-here', password: PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [wrongPage, unknownPage] = [await wrong.text(), await unknown.text()];
    expect(wrongPage).toContain('That user name (or email) and password do not match an account.');
    expect(
      unknownPage.replaceAll('nobody-here', 'reviewer-1').replace(/(value|nonce)="[^"]{20,}"/g, ''),
    ).toBe(wrongPage.replace(/(value|nonce)="[^"]{20,}"/g, ''));
    const empty = await postLogin(h, { login: 'reviewer-1', password: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Enter your user name (or email) and your password.');
  });

  it('never writes a password or a link to the log', () => {
    const log = h.logs.join('\n');
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    expect(log).toMatch(/sign-in: reviewer-1 \(reviewer\) by password/);
    expect(log).toMatch(/password set for reviewer-1 through a reset link/);
  });
});

describe('tokens of the older form', () => {
  it('keep working, are listed as such, log how to replace them, and stop once reissued', async () => {
    // An account as the code before named tokens wrote it.
    const old = 'lsm_8b0QvO8m1bI0pVbqQ0fJxGx3mO5t1c4cY9m6a7Zb2Qk';
    const hash = createHash('sha256').update(old).digest('hex');
    const redis = redisOf(h.p.ctx);
    const keys = userKeys(h.deps.config.redis.prefix);
    await redis.hset(keys.user('olga'), {
      role: 'editor',
      tokenHash: hash,
      createdAt: '2026-01-01T00:00:00Z',
    });
    await redis.set(keys.token(hash), 'olga');
    await redis.sadd(keys.users, 'olga');
    const session = await signIn(h, old);
    expect((await h.call('/api/mine', { token: old })).status).toBe(200);
    const list = (await (await h.call('/api/users', { token: h.tokens.admin })).json()) as {
      users: { name: string; token: string }[];
    };
    expect(list.users.find((u) => u.name === 'olga')?.token).toBe('unnamed');
    expect(h.logs.join('\n')).toContain('olga used a token of the older form');

    const res = await h.call('/api/users/olga/token', { method: 'POST', token: h.tokens.admin });
    const { token } = (await res.json()) as { token: string };
    expect(token).toMatch(/^lsm_olga\./);
    expect((await h.call('/api/mine', { token: old })).status).toBe(401);
    expect((await h.call('/api/mine', { token })).status).toBe(200);
    expect((await session.get('/desk/mine')).status).toBe(303);
    expect(await redis.exists(keys.token(hash))).toBe(0);
  });
});
