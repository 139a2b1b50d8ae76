/**
 * Who may do what: anonymous callers get 401, wrong roles 403, each with a
 * JSON body that says what to do; removed users lose their token at once.
 * Every row of the roles matrix that guards a write is exercised here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, paperText, startHttp } from './support.ts';

let h: HttpHarness;
let pendingId = '';

beforeAll(async () => {
  h = await startHttp();
  await h.p.start({ stages: ['ingest', 'summarize'] });
  pendingId = await h.p.submit({
    kind: 'text',
    text: paperText('Roles and balance training for older adults'),
  });
  await h.p.waitFor(pendingId, ['pending_review']);
});
afterAll(async () => {
  await h.cleanup();
});

const writes = (id: string) => [
  {
    path: '/api/papers',
    method: 'POST',
    json: { text: paperText('Submitted by an editor about chair exercises') },
  },
  {
    path: `/api/drafts/${id}`,
    method: 'PATCH',
    json: { basedOn: 1, changes: { headline: 'A headline that is long enough' } },
  },
  { path: `/api/drafts/${id}/approve`, method: 'POST', json: {} },
  { path: `/api/drafts/${id}/reject`, method: 'POST', json: { reason: 'x' } },
  { path: `/api/drafts/${id}/request-changes`, method: 'POST', json: { notes: 'x' } },
  { path: `/api/drafts/${id}/publish`, method: 'POST', json: {} },
  { path: `/api/drafts/${id}/retry`, method: 'POST', json: {} },
];

describe('access control', () => {
  it('refuses every write and every draft read to anonymous callers with 401 and a JSON body', async () => {
    for (const w of [
      ...writes(pendingId),
      { path: '/api/drafts', method: 'GET' },
      { path: `/api/drafts/${pendingId}`, method: 'GET' },
    ]) {
      const res = await h.call(w.path, { method: w.method, ...('json' in w ? { json: w.json } : {}) });
      expect(res.status, `${w.method} ${w.path}`).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json$/);
      const body = await res.json();
      expect(body.error).toBe('Sign in required.');
      expect(body.hint).toMatch(/Authorization: Bearer TOKEN/);
    }
  });

  it('refuses a wrong or malformed token with 401', async () => {
    for (const header of [
      'Bearer lsm_not-a-real-token',
      'Bearer',
      'Basic abc',
      `Bearer ${h.tokens.admin}x`,
    ]) {
      const res = await h.call('/api/drafts', { headers: { authorization: header } });
      expect(res.status, header).toBe(401);
      expect((await res.json()).error).toMatch(/token is not valid/);
    }
  });

  it('lets an editor submit and read but not review or publish (403 with the roles needed)', async () => {
    const [submit, ...review] = writes(pendingId);
    const ok = await h.call(submit?.path ?? '', {
      method: 'POST',
      token: h.tokens.editor,
      json: submit?.json,
    });
    expect([200, 201]).toContain(ok.status);
    expect((await h.call('/api/drafts', { token: h.tokens.editor })).status).toBe(200);
    for (const w of review) {
      const res = await h.call(w.path, { method: w.method, token: h.tokens.editor, json: w.json });
      expect(res.status, `${w.method} ${w.path}`).toBe(403);
      expect((await res.json()).error).toMatch(
        /needs the (reviewer or admin) role, and editor-1 is an editor/,
      );
    }
    expect((await h.p.ctx.store.require(pendingId)).state).toBe('pending_review');
  });

  it('lets a reviewer review but not submit', async () => {
    const res = await h.call('/api/papers', {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { pmid: '30158200' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/needs the editor or admin role/);
  });

  it('shows the queue dashboard to admins only', async () => {
    expect((await h.call('/admin/queues', { token: h.tokens.reviewer })).status).toBe(403);
    expect((await h.call('/admin/queues', { token: h.tokens.editor })).status).toBe(403);
    expect((await h.call('/admin/queues/api/queues')).status).toBe(401);
    const browser = await h.call('/admin/queues', { headers: { accept: 'text/html' } });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
    const page = await h.call('/admin/queues', { token: h.tokens.admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('LaySum queues');
    const queues = await h.call('/admin/queues/api/queues', { token: h.tokens.admin });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['ingest', 'summarize', 'poll']));
  });

  it("ends a removed user's access at once", async () => {
    const { token } = await h.deps.users.add('temp-reviewer', 'reviewer');
    expect((await h.call('/api/drafts', { token })).status).toBe(200);
    await h.deps.users.remove('temp-reviewer');
    expect((await h.call('/api/drafts', { token })).status).toBe(401);
    const again = await h.deps.users.add('temp-reviewer', 'reviewer');
    expect(again.token).not.toBe(token);
    expect((await h.call('/api/drafts', { token })).status).toBe(401);
  });

  it('never writes a token into the log', async () => {
    await h.call('/api/drafts', { token: h.tokens.admin });
    await h.call('/api/drafts', { headers: { authorization: `Bearer ${h.tokens.reviewer}zz` } });
    const log = h.logs.join('\n');
    expect(log).toMatch(/GET \/api\/drafts 200 \d+ms user=admin-1/);
    for (const token of Object.values(h.tokens)) expect(log).not.toContain(token.slice(4));
  });
});
