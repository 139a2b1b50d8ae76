/**
 * Signing in as a team does, in real headless Chromium: a reviewer opens the
 * one-time link an admin gave them, sets a password and lands on the desk;
 * later signs in with the user name and that password (a wrong one is
 * refused on the page); and a colleague signs in through the team's identity
 * provider (oidc-provider on its own port) with the single sign-on button.
 * Requests to anything but this machine are aborted.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetLinks } from '../../src/users/reset-links.ts';
import { type HttpHarness, startHttp } from '../http/support.ts';
import { startIdp, type TestIdp } from '../support/oidc-provider.ts';
import { freePort } from '../support/redis-server.ts';
import { CHROMIUM, hasChromium, launchChromium } from './support.ts';

const PASSWORD = 'a sentence only I would type';
const SECRET = 'browser-test-client-secret-1234567890';

describe.skipIf(!hasChromium)(`signing in, in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let idp: TestIdp;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await startIdp([{ id: 'laysum', secret: SECRET, redirectUri: `${base}/login/oidc/callback` }], {
      dee: {
        password: 'dee-at-the-idp',
        claims: {
          email: 'dee@team.example',
          email_verified: true,
          preferred_username: 'dee',
          groups: ['laysum-editors'],
        },
      },
    });
    h = await startHttp({
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'laysum',
      OIDC_CLIENT_SECRET: SECRET,
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'laysum-editors=editor',
      OIDC_LABEL: 'Sign in with Team ID',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
    await idp?.close();
  });

  /** A fresh context that may reach only this machine. */
  async function context(): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    return ctx;
  }

  it('sets a password from a reset link, then signs in with the user name and it', async () => {
    const link = await resetLinks(h.deps.users, h.deps.config).create('reviewer-1');
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(link.url);
    await expect.poll(() => page.textContent('h1')).toBe('Set your password');
    await page.fill('#new-password', PASSWORD);
    await page.fill('#confirm-password', PASSWORD);
    await page.click('#reset-form button[type=submit]');
    await page.waitForURL(`${h.url}/desk`);
    expect(await page.textContent('body')).toContain('reviewer-1');
    await ctx.close();

    const later = await (await context()).newPage();
    await later.goto(`${h.url}/login`);
    await later.fill('#login', 'reviewer-1');
    await later.fill('#password', `${PASSWORD}?`);
    await later.click('#password-form button[type=submit]');
    await expect.poll(() => later.textContent('.banner.error')).toMatch(/do not match an account/);
    expect(await later.inputValue('#login')).toBe('reviewer-1');
    expect(await later.inputValue('#password')).toBe('');
    await later.fill('#password', PASSWORD);
    await later.click('#password-form button[type=submit]');
    await later.waitForURL(`${h.url}/desk`);
    expect(await later.textContent('body')).toContain('reviewer-1');
    await later.context().close();
  });

  it("signs in through the team's identity provider with the single sign-on button", async () => {
    const page = await (await context()).newPage();
    await page.goto(`${h.url}/login`);
    await page.click('text=Sign in with Team ID');
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.fill('#idp-login', 'dee');
    await page.fill('#idp-password', 'dee-at-the-idp');
    await page.click('#idp-submit');
    // An editor lands on their submissions.
    await page.waitForURL(`${h.url}/desk/mine`);
    expect(await page.textContent('body')).toContain('dee');
    expect(await h.deps.users.get('dee')).toMatchObject({ role: 'editor', sso: true });
    await page.context().close();
  });
});
