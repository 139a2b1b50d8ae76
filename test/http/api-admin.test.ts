/**
 * The editors' and admins' API on a real port and the real Redis: /api/mine
 * (paged, only the caller's papers), and /api/watches, /api/users,
 * /api/webhooks for admins only (editor and reviewer get 403), each added,
 * listed and removed, the token and the signing secret shown once and never
 * in a list or the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, paperText, startHttp } from './support.ts';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttp();
});
afterAll(async () => {
  await h.cleanup();
});

type Init = Parameters<HttpHarness['call']>[1];
/** A JSON answer, as loosely typed as `res.json()` in the other API tests. */
type Body = Awaited<ReturnType<Response['json']>>;
async function call(path: string, init: Init): Promise<{ status: number; body: Body }> {
  const res = await h.call(path, init);
  return { status: res.status, body: await res.json() };
}
const asAdmin = (path: string, init: Omit<NonNullable<Init>, 'token'> = {}) =>
  call(path, { ...init, token: h.tokens.admin });

describe('GET /api/mine', () => {
  it("pages through the caller's own submissions, newest first", async () => {
    const ids: string[] = [];
    for (const title of ['Tai chi and falls', 'Vitamin D and falls', 'Home visits and falls']) {
      const r = await call('/api/papers', {
        method: 'POST',
        token: h.tokens.editor,
        json: { text: paperText(title) },
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    await call('/api/papers', {
      method: 'POST',
      token: h.tokens.admin,
      json: { text: paperText('Admin paper') },
    });

    const first = await call('/api/mine?limit=2', { token: h.tokens.editor });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2, pages: 2 });
    expect(first.body.submissions.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.submissions[0]).toMatchObject({ title: 'Home visits and falls', publicPath: null });
    expect(typeof first.body.submissions[0].state).toBe('string');
    const second = await call('/api/mine?limit=2&page=2', { token: h.tokens.editor });
    expect(second.body.submissions.map((s: { id: string }) => s.id)).toEqual([ids[0]]);

    expect((await call('/api/mine', { token: h.tokens.reviewer })).body.total).toBe(0);
    const bad = await call('/api/mine?page=0', { token: h.tokens.editor });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/whole number from 1/);
    expect(bad.body.hint).toMatch(/Use page 1/);
    expect((await h.call('/api/mine')).status).toBe(401);
  });
});

describe('admin-only routes', () => {
  const routes: Array<[string, string, unknown?]> = [
    ['GET', '/api/watches'],
    ['POST', '/api/watches', { kind: 'pubmed', target: 'falls[MeSH]', every: '6h' }],
    ['POST', '/api/watches/w1/run'],
    ['DELETE', '/api/watches/w1'],
    ['GET', '/api/users'],
    ['POST', '/api/users', { name: 'mallory', role: 'admin' }],
    ['PATCH', '/api/users/editor-1', { role: 'admin' }],
    ['DELETE', '/api/users/admin-1'],
    ['GET', '/api/webhooks'],
    ['POST', '/api/webhooks', { url: 'http://127.0.0.1:9/hook' }],
    ['DELETE', '/api/webhooks/h1'],
  ];
  it.each(['editor', 'reviewer'] as const)('refuses the %s with 403 and a hint', async (role) => {
    for (const [method, path, json] of routes) {
      const r = await call(path, { method, token: h.tokens[role], ...(json ? { json } : {}) });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error).toMatch(/admin role/);
      expect(r.body.hint).toBeTruthy();
    }
    expect((await h.call('/api/users')).status).toBe(401);
    expect((await asAdmin('/api/users')).body.users.map((u: { name: string }) => u.name)).not.toContain(
      'mallory',
    );
  });
});

describe('/api/watches', () => {
  it('adds, lists, polls now, pauses, resumes and removes a watch', async () => {
    const bad = await asAdmin('/api/watches', { method: 'POST', json: { kind: 'rss', target: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.hint).toMatch(/pubmed|feed/);

    const feed = 'https://user:hunter2@journal.example.org/rss';
    const added = await asAdmin('/api/watches', {
      method: 'POST',
      json: { kind: 'feed', target: feed, every: '1d' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'feed', createdBy: 'api:admin-1', paused: false });
    expect(JSON.stringify(added.body)).not.toContain('hunter2');
    const id = added.body.id as string;

    const list = await asAdmin('/api/watches', {});
    expect(list.body.watches.map((w: { id: string }) => w.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain('hunter2');
    expect(list.body.watches[0].nextPollAt).toEqual(expect.any(Number));

    expect((await asAdmin(`/api/watches/${id}/run`, { method: 'POST' })).status).toBe(202);
    const paused = await asAdmin(`/api/watches/${id}/pause`, { method: 'POST' });
    expect(paused.body.paused).toBe(true);
    expect((await asAdmin('/api/watches', {})).body.watches[0].nextPollAt).toBeNull();
    expect((await asAdmin(`/api/watches/${id}/resume`, { method: 'POST' })).body.paused).toBe(false);

    expect(await asAdmin(`/api/watches/${id}`, { method: 'DELETE' })).toEqual({
      status: 200,
      body: { id, removed: true },
    });
    expect((await asAdmin('/api/watches', {})).body.watches).toEqual([]);
    const gone = await asAdmin(`/api/watches/${id}/run`, { method: 'POST' });
    expect(gone.status).toBe(404);
    expect(gone.body.hint).toBeTruthy();
  });
});

describe('/api/users', () => {
  it('adds an account with its token once, changes its role, removes it', async () => {
    const added = await asAdmin('/api/users', { method: 'POST', json: { name: 'dana', role: 'editor' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'dana', role: 'editor' });
    const token = added.body.token as string;
    expect(token.length).toBeGreaterThan(20);

    const list = await asAdmin('/api/users', {});
    expect(list.body.users).toContainEqual(expect.objectContaining({ name: 'dana', role: 'editor' }));
    expect(JSON.stringify(list.body)).not.toContain(token);
    // The list says how an account signs in ("token": "named"), never a token itself.
    expect(JSON.stringify(list.body)).not.toMatch(/lsm_/);
    expect(list.body.users).toContainEqual(expect.objectContaining({ name: 'dana', token: 'named' }));
    expect((await call('/api/mine', { token })).status).toBe(200);

    const again = await asAdmin('/api/users', { method: 'POST', json: { name: 'dana', role: 'admin' } });
    expect(again.status).toBe(409);
    expect(again.body.hint).toMatch(/DELETE \/api\/users\/dana/);
    expect(
      (await asAdmin('/api/users', { method: 'POST', json: { name: 'x y', role: 'editor' } })).status,
    ).toBe(400);
    expect(
      (await asAdmin('/api/users', { method: 'POST', json: { name: 'eve', role: 'boss' } })).status,
    ).toBe(400);

    const role = await asAdmin('/api/users/dana', { method: 'PATCH', json: { role: 'reviewer' } });
    expect(role).toMatchObject({ status: 200, body: { name: 'dana', role: 'reviewer' } });
    expect((await call('/api/watches', { token })).status).toBe(403);
    expect((await asAdmin('/api/users/nobody', { method: 'PATCH', json: { role: 'editor' } })).status).toBe(
      404,
    );
    const self = await asAdmin('/api/users/admin-1', { method: 'PATCH', json: { role: 'editor' } });
    expect(self.status).toBe(400);
    expect(self.body.error).toMatch(/yourself/);
    expect((await asAdmin('/api/users/admin-1', { method: 'DELETE' })).status).toBe(400);

    expect(await asAdmin('/api/users/dana', { method: 'DELETE' })).toEqual({
      status: 200,
      body: { name: 'dana', removed: true },
    });
    expect((await call('/api/mine', { token })).status).toBe(401);
    expect((await asAdmin('/api/users/dana', { method: 'DELETE' })).status).toBe(404);
    expect(h.logs.join('\n')).not.toContain(token);
  });
});

describe('/api/webhooks', () => {
  it('registers a hook with its secret once, lists it with its deliveries, removes it', async () => {
    const bad = await asAdmin('/api/webhooks', {
      method: 'POST',
      json: { url: 'ftp://x', events: ['published'] },
    });
    expect(bad.status).toBe(400);
    const badEvent = await asAdmin('/api/webhooks', {
      method: 'POST',
      json: { url: 'https://cms.example.org/hook', events: ['posted'] },
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.hint).toMatch(/published/);

    const added = await asAdmin('/api/webhooks', {
      method: 'POST',
      json: { url: 'https://cms.example.org/hook', events: ['published', 'unpublished'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      url: 'https://cms.example.org/hook',
      events: ['published', 'unpublished'],
    });
    const { id, secret } = added.body as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);

    const now = new Date().toISOString();
    await h.deps.webhooks.createDelivery({
      id: 'd1',
      hookId: id,
      event: 'published',
      paperId: 'p1',
      body: '{}',
      status: 'failed',
      attempts: 8,
      lastStatus: 500,
      lastError: 'HTTP 500',
      createdAt: now,
      updatedAt: now,
    });
    const list = await asAdmin('/api/webhooks', {});
    expect(list.body.webhooks).toHaveLength(1);
    expect(list.body.webhooks[0]).toMatchObject({
      id,
      deliveries: [{ id: 'd1', status: 'failed', lastStatus: 500 }],
    });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(JSON.stringify(list.body)).not.toMatch(/secret/i);

    expect(await asAdmin(`/api/webhooks/${id}`, { method: 'DELETE' })).toEqual({
      status: 200,
      body: { id, removed: true },
    });
    expect((await asAdmin('/api/webhooks', {})).body.webhooks).toEqual([]);
    expect((await asAdmin(`/api/webhooks/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect(h.logs.join('\n')).not.toContain(secret);
  });

  it('describes the new routes in the OpenAPI document', async () => {
    const doc = (await (await h.call('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.filter((r) => !(r && r in doc.components.schemas))).toEqual([]);
    for (const p of [
      '/api/mine',
      '/api/watches',
      '/api/watches/{id}/run',
      '/api/users/{name}',
      '/api/webhooks/{id}',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
