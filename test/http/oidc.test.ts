/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider,
 * started here on its own port), through the whole authorization-code flow
 * with PKCE over HTTP: LaySum's /login/oidc sends the browser to the
 * provider, the person signs in there, the provider sends them back with a
 * code, LaySum exchanges it and starts a session. Roles come from the
 * `groups` claim (first sign-in creates the account) or, without a role
 * claim, from an admin who made the account with the person's email.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieBrowser, startIdp, type TestIdp } from '../support/oidc-provider.ts';
import { freePort } from '../support/redis-server.ts';
import { type HttpHarness, startHttp } from './support.ts';

const SECRET = 'test-client-secret-of-a-decent-length';
let idp: TestIdp;
let byClaim: HttpHarness;
let byAdmin: HttpHarness;

beforeAll(async () => {
  const [a, b] = [await freePort(), await freePort()];
  const callback = (port: number) => `http://127.0.0.1:${port}/login/oidc/callback`;
  idp = await startIdp(
    [
      { id: 'laysum-claims', secret: SECRET, redirectUri: callback(a) },
      { id: 'laysum-admin-roles', secret: SECRET, redirectUri: callback(b) },
    ],
    {
      ana: {
        password: 'ana-idp-pass',
        claims: {
          email: 'ana@team.example',
          email_verified: true,
          preferred_username: 'Ana',
          groups: ['staff', 'laysum-reviewers'],
        },
      },
      bob: {
        password: 'bob-idp-pass',
        claims: { email: 'bob@team.example', email_verified: true, groups: ['staff'] },
      },
      carol: { password: 'carol-idp-pass', claims: { email: 'carol@team.example', email_verified: true } },
    },
  );
  const common = { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_SECRET: SECRET, OIDC_LABEL: 'Sign in with Team ID' };
  byClaim = await startHttp({
    ...common,
    PORT: String(a),
    PUBLIC_BASE_URL: `http://127.0.0.1:${a}`,
    OIDC_CLIENT_ID: 'laysum-claims',
    OIDC_SCOPES: 'openid email profile groups',
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: 'laysum-reviewers=reviewer,laysum-admins=admin',
  });
  byAdmin = await startHttp({
    ...common,
    PORT: String(b),
    PUBLIC_BASE_URL: `http://127.0.0.1:${b}`,
    OIDC_CLIENT_ID: 'laysum-admin-roles',
  });
});
afterAll(async () => {
  await byClaim?.cleanup();
  await byAdmin?.cleanup();
  await idp?.close();
});

/** Sign in through the provider as a browser would: LaySum -> provider's sign-in page -> back to LaySum. */
async function ssoSignIn(h: HttpHarness, login: string, password: string, browser = new CookieBrowser()) {
  const start = await browser.follow(`${h.url}/login/oidc?next=${encodeURIComponent('/desk')}`);
  const form = await start.res.text();
  const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
  const back = await browser.follow(new URL(action, idp.issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }),
  });
  return { browser, authorize: start.visited[1] ?? '', visited: back.visited, res: back.res };
}

describe('single sign-on with a role claim', () => {
  it('runs the code flow with PKCE, creates the account with the mapped role and signs in', async () => {
    const login = await (await fetch(`${byClaim.url}/login`, { headers: { accept: 'text/html' } })).text();
    expect(login).toContain('Sign in with Team ID');
    const { authorize, visited, res, browser } = await ssoSignIn(byClaim, 'ana', 'ana-idp-pass');
    const request = new URL(authorize);
    expect(request.origin).toBe(idp.issuer);
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(request.searchParams.get('state')).toBeTruthy();
    expect(request.searchParams.get('nonce')).toBeTruthy();
    const callback = visited.find((u) => u.includes('/login/oidc/callback')) ?? '';
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    expect(visited.at(-1)).toBe(`${byClaim.url}/desk`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ana');
    expect(await byClaim.deps.users.get('ana')).toMatchObject({
      role: 'reviewer',
      email: 'ana@team.example',
      sso: true,
      password: false,
      token: null,
    });

    // The same answer again (a replayed callback) is refused: the attempt was used up.
    const replay = await browser.fetch(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('does not belong to a sign-in started in this browser');
  });

  it("refuses a provider's answer opened in another browser than the one that asked (login CSRF)", async () => {
    // The victim's browser started a sign-in of its own; the attacker's answer (for the attacker's account) is opened in it.
    const victim = new CookieBrowser();
    await victim.fetch(`${byClaim.url}/login/oidc`);
    const attacker = new CookieBrowser();
    const start = await attacker.follow(`${byClaim.url}/login/oidc`);
    const action = /action="([^"]+)"/.exec(await start.res.text())?.[1] ?? '';
    let answer = await attacker.fetch(new URL(action, idp.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'ana', password: 'ana-idp-pass' }),
    });
    let url = answer.headers.get('location') ?? '';
    while (!url.includes('/login/oidc/callback')) {
      answer = await attacker.fetch(new URL(url, idp.issuer).href);
      url = answer.headers.get('location') ?? '';
    }
    const res = await victim.fetch(url);
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().join()).not.toContain('laysum_session=');
    expect(await res.text()).toContain('does not belong to a sign-in started in this browser');
  });

  it('follows the claim: a new group changes the role at the next sign-in, no group refuses', async () => {
    const ana = idp.users.ana;
    if (ana) ana.claims.groups = ['laysum-admins'];
    const again = await ssoSignIn(byClaim, 'ana', 'ana-idp-pass');
    expect(again.res.status).toBe(200);
    expect((await byClaim.deps.users.get('ana'))?.role).toBe('admin');
    expect((await byClaim.deps.users.list()).filter((u) => u.name.startsWith('ana'))).toHaveLength(1);

    const bob = await ssoSignIn(byClaim, 'bob', 'bob-idp-pass');
    expect(bob.res.status).toBe(403);
    expect(await bob.res.text()).toMatch(
      /gives bob@team\.example no LaySum role[\s\S]*laysum-reviewers, laysum-admins/,
    );
    expect(await byClaim.deps.users.get('bob')).toBeNull();
  });

  it('keeps the client secret out of the log', () => {
    const log = byClaim.logs.join('\n');
    expect(log).not.toContain(SECRET);
    expect(log).toMatch(/single sign-on: created ana \(reviewer\)/);
    expect(log).toMatch(/sign-in: ana \(admin\) by single sign-on/);
  });
});

describe('single sign-on with roles set by an admin', () => {
  it('refuses a person without an account, then links the account an admin made with their email', async () => {
    const before = await ssoSignIn(byAdmin, 'carol', 'carol-idp-pass');
    expect(before.res.status).toBe(403);
    expect(await before.res.text()).toMatch(
      /No LaySum account is linked to carol@team\.example[\s\S]*--email carol@team\.example/,
    );

    await byAdmin.deps.users.add('carol', 'editor', { email: 'carol@team.example' });
    const after = await ssoSignIn(byAdmin, 'carol', 'carol-idp-pass');
    expect(after.visited.at(-1)).toBe(`${byAdmin.url}/desk/mine`);
    expect(await byAdmin.deps.users.get('carol')).toMatchObject({ role: 'editor', sso: true });
    expect(byAdmin.logs.join('\n')).toMatch(
      /linked carol to http:\/\/127\.0\.0\.1:\d+ by the verified email/,
    );
  });

  it('says plainly when single sign-on is not set up', async () => {
    const plain = await startHttp();
    try {
      const off = await fetch(`${plain.url}/login/oidc`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      expect(off.status).toBe(404);
      expect(await off.text()).toContain('Single sign-on is not set up on this server.');
      expect(await (await fetch(`${plain.url}/login`)).text()).not.toContain('/login/oidc');
    } finally {
      await plain.cleanup();
    }
  });
});
