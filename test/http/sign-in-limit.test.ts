/**
 * Failed sign-ins and bad Bearer tokens are limited per client address, in
 * Redis, so every server process shares the count: over the limit the caller
 * gets 429 with Retry-After (even with a valid token) and the log names the
 * address. Guesses spread over many addresses are counted per account (tokens
 * and passwords name theirs) and slow that account down to one attempt per
 * address; nobody's failures lock anyone else out. The addresses come from
 * X-Forwarded-For (TRUST_PROXY=true), as behind a proxy.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.tsx';
import { listen, type RunningServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log/logger.ts';
import { appDeps } from '../../src/runtime/app-deps.ts';
import { type Context, createContext } from '../../src/runtime/context.ts';
import { resetLinks } from '../../src/users/reset-links.ts';
import { type HttpHarness, hiddenCsrf, postLogin, startHttp } from './support.ts';

const RIGHT = 'a long and right passphrase';

let h: HttpHarness;
let spray: HttpHarness;
let direct: HttpHarness;
let otherCtx: Context;
let other: RunningServer;

beforeAll(async () => {
  h = await startHttp({ TRUST_PROXY: 'true', SIGNIN_MAX_FAILURES: '3', SIGNIN_FAILURE_WINDOW_S: '600' });
  // The defaults (10 failures per address), with the account's threshold low so tests guess less.
  spray = await startHttp({ TRUST_PROXY: 'true', SIGNIN_ACCOUNT_MAX_FAILURES: '5' });
  direct = await startHttp({ SIGNIN_MAX_FAILURES: '3' });
  // A second server process on the same Redis and prefix: its own connection, app and limiter.
  otherCtx = await createContext(h.p.config, 'server');
  const log = createLogger({ ...h.p.config, log: { level: 'silent', format: 'json' } });
  other = await listen(createApp(appDeps(otherCtx, log)), 0, '127.0.0.1');
});
afterAll(async () => {
  await other.close();
  await otherCtx.close();
  await h.cleanup();
  await spray.cleanup();
  await direct.cleanup();
});

const from = (address: string, token: string, base = h.url) =>
  fetch(`${base}/api/drafts`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address } });

describe('bad Bearer tokens', () => {
  it('are answered 401 up to the limit, then 429 with Retry-After, even for a valid token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('203.0.113.7', `lsm_wrong${i}`)).status);
    const over = await from('203.0.113.7', 'lsm_wrong9');
    statuses.push(over.status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: expect.stringMatching(/^Too many failed sign-ins/) });
    expect((await from('203.0.113.7', h.tokens.admin)).status).toBe(429);
  });

  it('leave other addresses alone', async () => {
    expect((await from('198.51.100.1', h.tokens.admin)).status).toBe(200);
  });

  it('are counted in Redis: another server process refuses the same address', async () => {
    expect((await from('203.0.113.7', h.tokens.admin, other.url)).status).toBe(429);
    for (let i = 0; i < 3; i++) await from('192.0.2.50', `lsm_other${i}`, other.url);
    expect((await from('192.0.2.50', h.tokens.admin)).status).toBe(429);
  });

  it('are logged with the client address, and so is the block', () => {
    const lines = h.logs.map((l) => JSON.parse(l) as { msg: string; remote?: string; level: number });
    const refused = lines.filter((l) => /^sign-in refused/.test(l.msg));
    expect(refused.some((l) => l.remote === '203.0.113.7' && /unknown API token/.test(l.msg))).toBe(true);
    expect(
      refused.some(
        (l) => l.remote === '203.0.113.7' && /too many failed sign-ins from 203\.0\.113\.7/.test(l.msg),
      ),
    ).toBe(true);
    const request = lines.find((l) => / 429 /.test(l.msg));
    expect(request).toMatchObject({ remote: '203.0.113.7' });
    expect(h.logs.join('')).not.toContain(h.tokens.admin);
  });
});

describe('desk sign-in', () => {
  it('is limited the same way, with a page saying when to try again', async () => {
    const headers = { accept: 'text/html', 'x-forwarded-for': '203.0.113.99' };
    const form = await fetch(`${h.url}/login`, { headers });
    const cookie = form.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const csrf = hiddenCsrf(await form.text());
    const post = (token: string) =>
      fetch(`${h.url}/login`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: new URLSearchParams({ _csrf: csrf, token, next: '/desk' }),
        redirect: 'manual',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(`lsm_nope${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await post(h.tokens.reviewer);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await blocked.text()).toMatch(/Too many failed sign-ins from your address: try again in \d+ s/);
  });
});

describe('guesses from many addresses', () => {
  it('lock nobody else out: a valid token from a fresh address gets in after 1,080 bad ones from 120', async () => {
    // The attack that used to trip the cap across all addresses (1,000 by default) for 15 minutes.
    const addresses = Array.from({ length: 120 }, (_, i) => `100.64.${i >> 8}.${i & 255}`);
    const attempts = addresses.flatMap((address) =>
      Array.from({ length: 9 }, () => [address, `lsm_${randomBytes(32).toString('base64url')}`] as const),
    );
    const statuses = new Set<number>();
    for (let i = 0; i < attempts.length; i += 20)
      for (const res of await Promise.all(
        attempts.slice(i, i + 20).map(([address, token]) => from(address, token, spray.url)),
      ))
        statuses.add(res.status);
    expect([...statuses]).toEqual([401]);
    expect((await from('198.51.100.77', spray.tokens.editor, spray.url)).status).toBe(200);
  });

  it("slow one account down to one attempt per address, and never lock out its owner's right token", async () => {
    const guess = () => `lsm_reviewer-1.${randomBytes(32).toString('base64url')}`;
    const first: number[] = [];
    for (let i = 1; i <= 6; i++) first.push((await from(`192.0.2.${i}`, guess(), spray.url)).status);
    expect(first).toEqual([401, 401, 401, 401, 401, 401]);
    const again = await from('192.0.2.1', guess(), spray.url);
    expect(again.status).toBe(429);
    expect(await again.json()).toMatchObject({ error: expect.stringMatching(/to this account/) });
    // A guess at another account from the same address is still answered: only this account is slowed.
    expect((await from('192.0.2.1', 'lsm_editor-1.x', spray.url)).status).toBe(401);
    expect((await from('192.0.2.200', spray.tokens.reviewer, spray.url)).status).toBe(200);
    const lines = spray.logs.map((l) => JSON.parse(l) as { msg: string; account?: string });
    expect(
      lines.some((l) => l.account === 'reviewer-1' && /each address now gets one attempt/.test(l.msg)),
    ).toBe(true);
  });
});

describe('a password brute force', () => {
  it('gets a few guesses per address, then 429 even for the right password; the owner still gets in', async () => {
    const links = resetLinks(spray.deps.users, spray.deps.config);
    const secret = new URL((await links.create('admin-1')).url).searchParams.get('token') ?? '';
    expect(await links.use(secret, RIGHT)).not.toBeNull();
    const attempt = (address: string, password: string) =>
      postLogin(spray, { login: 'admin-1', password }, { 'x-forwarded-for': address });
    const one: number[] = [];
    for (let i = 0; i < 6; i++) one.push((await attempt('203.0.113.50', `guess number ${i}`)).status);
    // Five guesses reach the account's threshold; from then on each address has had its attempt.
    expect(one).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await attempt('203.0.113.50', RIGHT);
    expect(right.status).toBe(429);
    expect(await right.text()).toMatch(
      /Too many failed sign-ins to this account: try again from your address in \d+ s/,
    );
    // Spread over more addresses: one guess each.
    expect([
      (await attempt('203.0.113.51', 'guess a')).status,
      (await attempt('203.0.113.51', 'guess b')).status,
    ]).toEqual([401, 429]);
    expect((await attempt('198.51.100.9', RIGHT)).status).toBe(303);
  });
});

describe('without a trusted proxy', () => {
  it("X-Forwarded-For is the caller's own word: changing it does not escape the limit", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await from(`10.9.9.${i}`, 'lsm_guess', direct.url)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const lines = direct.logs.map((l) => JSON.parse(l) as { remote?: string; status?: number });
    expect(lines.filter((l) => l.status !== undefined).map((l) => l.remote)).toEqual(
      Array(4).fill('127.0.0.1'),
    );
  });
});
