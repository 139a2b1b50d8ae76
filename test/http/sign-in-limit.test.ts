/**
 * Failed sign-ins and bad Bearer tokens are limited per client address, in
 * Redis, so every server process shares the count: over the limit the caller
 * gets 429 with Retry-After (even with a valid token) and the log names the
 * address. A cap across all addresses stops guessing spread over many. The
 * addresses come from X-Forwarded-For (TRUST_PROXY=true), as behind a proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.tsx';
import { listen, type RunningServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log/logger.ts';
import { appDeps } from '../../src/runtime/app-deps.ts';
import { type Context, createContext } from '../../src/runtime/context.ts';
import { type HttpHarness, hiddenCsrf, startHttp } from './support.ts';

let h: HttpHarness;
let wide: HttpHarness;
let direct: HttpHarness;
let otherCtx: Context;
let other: RunningServer;

beforeAll(async () => {
  h = await startHttp({ TRUST_PROXY: 'true', SIGNIN_MAX_FAILURES: '3', SIGNIN_FAILURE_WINDOW_S: '600' });
  wide = await startHttp({ TRUST_PROXY: 'true', SIGNIN_MAX_FAILURES: '100', SIGNIN_MAX_FAILURES_ALL: '4' });
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
  await wide.cleanup();
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

describe('the cap across all addresses', () => {
  it('refuses everyone once failures from many addresses add up to it', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await from(`10.0.0.${i}`, 'lsm_guess', wide.url)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const res = await from('10.0.0.200', wide.tokens.admin, wide.url);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/on this server/) });
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
