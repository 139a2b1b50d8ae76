/**
 * The admins' desk pages over HTTP: watches (add, run now, pause, resume,
 * remove, the last poll's error) and users (add with the token shown once,
 * change a role, revoke), each refused to other roles.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/http-server.ts';
import { type HttpHarness, signIn, startHttp, type WebSession } from './support.ts';

let h: HttpHarness;
let admin: WebSession;
let feeds: TestServer;

beforeAll(async () => {
  const nature = readFileSync('test/fixtures/feeds/nature_current.rss', 'utf8');
  feeds = await startServer((req, res) => {
    if (req.url.pathname === '/nature.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(nature);
    } else {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    }
  });
  h = await startHttp({ HTTP_TIMEOUT_MS: '2000' });
  admin = await signIn(h, h.tokens.admin);
});
afterAll(async () => {
  await h.cleanup();
  await feeds.close();
});

const watchIdIn = (html: string, target: string) =>
  new RegExp(`data-id="(w[0-9a-f]+)">(?:(?!</tr>).)*${target.replace(/[.?/]/g, '\\$&')}`, 's').exec(
    html,
  )?.[1] ?? '';

describe('watches on the desk', () => {
  it('adds a watch, keeps what was typed when it is refused', async () => {
    const bad = await admin.post('/desk/admin/watches', { kind: 'feed', target: 'not a url', every: '6h' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('&quot;not a url&quot; is not an http(s) URL.');
    expect(html).toContain('value="not a url"');
    const tooOften = await admin.post('/desk/admin/watches', {
      kind: 'pubmed',
      target: 'falls',
      every: '5s',
    });
    expect(await tooOften.text()).toContain('Polling every 5s is too often.');

    const ok = await admin.post('/desk/admin/watches', {
      kind: 'pubmed',
      target: 'hip fracture[MeSH]',
      every: '6h',
    });
    expect(ok.status).toBe(303);
    const list = await (await admin.get(ok.headers.get('location') ?? '')).text();
    expect(list).toContain('Watch added and scheduled.');
    expect(list).toContain('hip fracture[MeSH]');
    expect(list).toMatch(/next \d{4}-\d\d-\d\d/);
    expect(list).toContain('never polled');
  });

  it('runs a watch now through the workers and shows the last poll, or its error', async () => {
    await h.p.start({ stages: ['poll'] });
    for (const [target, expected] of [
      [`${feeds.url}/nature.rss`, /found \d+, \d+ new/],
      [`${feeds.url}/broken.rss`, /ERROR .*503/],
    ] as const) {
      await admin.post('/desk/admin/watches', { kind: 'feed', target, every: '1d' });
      const id = watchIdIn(await (await admin.get('/desk/admin/watches')).text(), target);
      expect(id).toMatch(/^w/);
      const run = await admin.post(`/desk/admin/watches/${id}/run`, {});
      expect(run.headers.get('location')).toBe('/desk/admin/watches?done=run');
      let html = '';
      for (let i = 0; i < 200; i++) {
        html = await (await admin.get('/desk/admin/watches')).text();
        if (!new RegExp(`${id}(?:(?!</tr>).)*never polled`, 's').test(html)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(new RegExp(`${id}(?:(?!</tr>).)*`, 's').exec(html)?.[0]).toMatch(expected);
    }
  });

  it('pauses, resumes and removes a watch', async () => {
    await admin.post('/desk/admin/watches', { kind: 'pubmed', target: 'tai chi', every: '1d' });
    const id = watchIdIn(await (await admin.get('/desk/admin/watches')).text(), 'tai chi');
    await admin.post(`/desk/admin/watches/${id}/pause`, {});
    expect(await h.deps.watches.get(id)).toMatchObject({ paused: true });
    const paused = await (await admin.get('/desk/admin/watches')).text();
    expect(new RegExp(`${id}(?:(?!</tr>).)*paused(?:(?!</tr>).)*Resume`, 's').test(paused)).toBe(true);
    expect(await h.p.ctx.queues.poll.getJobScheduler(`watch-${id}`)).toBeFalsy();
    await admin.post(`/desk/admin/watches/${id}/resume`, {});
    expect(await h.p.ctx.queues.poll.getJobScheduler(`watch-${id}`)).toBeTruthy();
    await admin.post(`/desk/admin/watches/${id}/remove`, {});
    expect(await h.deps.watches.get(id)).toBeNull();
    const gone = await admin.post(`/desk/admin/watches/${id}/remove`, {});
    expect(gone.status).toBe(404);
  });

  it('is for admins only, reached from the Admin page', async () => {
    const index = await (await admin.get('/desk/admin')).text();
    for (const href of [
      '/desk/admin/watches',
      '/desk/admin/users',
      '/desk/admin/webhooks',
      '/admin/queues',
      '/admin/usage',
    ])
      expect(index).toContain(`href="${href}"`);
    expect(index).toContain('<a href="/desk/admin">Admin</a>');
    const editor = await signIn(h, h.tokens.editor);
    expect((await editor.get('/desk/admin')).status).toBe(403);
    expect(await (await editor.get('/desk/mine')).text()).not.toContain('href="/desk/admin"');
    expect((await editor.get('/desk/admin/watches')).status).toBe(403);
    expect(
      (await editor.post('/desk/admin/watches', { kind: 'pubmed', target: 'x', every: '1d' })).status,
    ).toBe(403);
  });
});

describe('users on the desk', () => {
  it('adds a user and shows the token once, never in the log', async () => {
    const res = await admin.post('/desk/admin/users', { name: 'dana', role: 'reviewer' });
    expect(res.status).toBe(200);
    const html = await res.text();
    const token = /id="new-token">([^<]+)</.exec(html)?.[1]?.trim() ?? '';
    expect(token).toMatch(/^lsm_/);
    expect(await h.deps.users.authenticate(token)).toMatchObject({ name: 'dana', role: 'reviewer' });
    expect(await (await admin.get('/desk/admin/users')).text()).not.toContain(token);
    expect(h.logs.join('\n')).not.toContain(token);
    const again = await admin.post('/desk/admin/users', { name: 'dana', role: 'editor' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('A user named &quot;dana&quot; already exists.');
  });

  it('changes a role at once and revokes a user’s token and sessions', async () => {
    const { token } = await h.deps.users.add('sam', 'editor');
    const sam = await signIn(h, token);
    expect((await sam.get('/desk/admin/users')).status).toBe(403);
    await admin.post('/desk/admin/users/sam/role', { role: 'admin' });
    expect((await sam.get('/desk/admin/users')).status).toBe(200);
    const revoked = await admin.post('/desk/admin/users/sam/revoke', {});
    expect(revoked.headers.get('location')).toBe('/desk/admin/users?done=revoke');
    expect((await sam.get('/desk/admin/users')).status).toBe(303);
    expect(await h.deps.users.authenticate(token)).toBeNull();
  });

  it('refuses to lock the admin out, and refuses other roles', async () => {
    const self = await admin.post('/desk/admin/users/admin-1/revoke', {});
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('You cannot revoke your own account here.');
    const demote = await admin.post('/desk/admin/users/admin-1/role', { role: 'editor' });
    expect(demote.status).toBe(400);
    const reviewer = await signIn(h, h.tokens.reviewer);
    expect((await reviewer.post('/desk/admin/users', { name: 'eve', role: 'admin' })).status).toBe(403);
  });
});
