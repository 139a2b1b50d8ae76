/**
 * Claims and bulk decisions through the API, on a real port and the real
 * Redis: two reviewers claiming one paper at once get one claim between
 * them; the other is refused with who holds it until they take it over
 * (audited); a claim lapses by itself after CLAIM_TTL_MS; a decision gives it
 * back. Bulk decisions are pinned per paper: a stale one is refused with the
 * reason, the rest are done, each with its own audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { draftedPaper, fillPlaceholders, type HttpHarness, signIn, startHttp } from './support.ts';

let h: HttpHarness;
let second = '';
const TTL_MS = 60_000;

beforeAll(async () => {
  h = await startHttp({ CLAIM_TTL_MS: String(TTL_MS) });
  await h.p.start();
  second = (await h.deps.users.add('reviewer-2', 'reviewer')).token;
});
afterAll(async () => {
  await h.cleanup();
});

const drafted = (title: string) => draftedPaper(h, title);

const claim = (id: string, token: string, json?: unknown) =>
  h.call(`/api/drafts/${id}/claim`, { method: 'POST', token, ...(json ? { json } : {}) });

describe('claims', () => {
  it('gives one claim to two reviewers claiming at once; the other sees who and can take it over', async () => {
    const id = await drafted('Claims: two reviewers at once');
    const [a, b] = await Promise.all([claim(id, h.tokens.reviewer), claim(id, second)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? 'reviewer-1' : 'reviewer-2';
    const loserToken = a.status === 200 ? second : h.tokens.reviewer;
    const refused = (await (a.status === 409 ? a : b).json()) as { error: string; hint: string };
    expect(refused.error).toMatch(
      new RegExp(`claimed by ${winner} since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`),
    );
    expect(refused.hint).toMatch(/take it over/);

    const read = await (await h.call(`/api/drafts/${id}/claim`, { token: h.tokens.editor })).json();
    expect(read.claim).toMatchObject({ paperId: id, by: winner });
    const view = await (await h.call(`/api/drafts/${id}`, { token: h.tokens.editor })).json();
    expect(view.claim.by).toBe(winner);

    const taken = await claim(id, loserToken, { takeOver: true });
    expect(taken.status).toBe(200);
    const body = await taken.json();
    expect(body.outcome).toBe('taken');
    expect(body.previous.by).toBe(winner);
    const audit = await h.p.ctx.store.audit(id);
    expect(audit.at(-1)).toMatchObject({ action: 'took over', note: expect.stringContaining(winner) });
  });

  it('renews its own claim, keeps its start time, and gives it back on release or a decision', async () => {
    const id = await drafted('Claims: renew and release');
    const first = await (await claim(id, h.tokens.reviewer)).json();
    expect(first.outcome).toBe('claimed');
    const again = await (await claim(id, h.tokens.reviewer)).json();
    expect(again.outcome).toBe('renewed');
    expect(again.claim.since).toBe(first.claim.since);
    const ttl = await redisOf(h.p.ctx).pttl(internalsOf(h.p.ctx.store).keys.claim(id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL_MS);

    const notMine = await h.call(`/api/drafts/${id}/claim`, { method: 'DELETE', token: second });
    expect(await notMine.json()).toMatchObject({ released: false });
    const mine = await h.call(`/api/drafts/${id}/claim`, { method: 'DELETE', token: h.tokens.reviewer });
    expect(await mine.json()).toMatchObject({ released: true });

    await claim(id, h.tokens.reviewer);
    const reject = await h.call(`/api/drafts/${id}/reject`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1, reason: 'Off topic for this site.' },
    });
    expect(reject.status).toBe(200);
    expect((await (await h.call(`/api/drafts/${id}/claim`, { token: second })).json()).claim).toBeNull();
  });

  it('refuses claims from editors and on papers that are not waiting for review', async () => {
    const id = await drafted('Claims: who and when');
    expect((await claim(id, h.tokens.editor)).status).toBe(403);
    await h.call(`/api/drafts/${id}/reject`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1, reason: 'Duplicate of another summary.' },
    });
    const refused = await claim(id, h.tokens.reviewer);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/Cannot claim paper .*: it is rejected/);
  });
});

describe('a claim lapses by itself', () => {
  it('is gone after CLAIM_TTL_MS and the paper can be claimed by someone else', async () => {
    const short = await startHttp({ CLAIM_TTL_MS: '300' });
    try {
      await short.p.start();
      const id = await draftedPaper(short, 'Claims: expiry');
      const other = (await short.deps.users.add('reviewer-2', 'reviewer')).token;
      const post = (token: string) => short.call(`/api/drafts/${id}/claim`, { method: 'POST', token });
      expect((await post(short.tokens.reviewer)).status).toBe(200);
      await expect
        .poll(
          async () => (await (await short.call(`/api/drafts/${id}/claim`, { token: other })).json()).claim,
        )
        .toBeNull();
      const after = await (await post(other)).json();
      expect(after.outcome).toBe('claimed');
    } finally {
      await short.cleanup();
    }
  });
});

describe('bulk decisions', () => {
  it('rejects several papers with one reason, refusing the stale one with the reason', async () => {
    const ids = [await drafted('Bulk: first'), await drafted('Bulk: second'), await drafted('Bulk: third')];
    const stale = ids[1] ?? '';
    await fillPlaceholders(h, stale, 1, second); // reviewer-2 saves version 2 meanwhile
    const res = await h.call('/api/drafts/bulk', {
      method: 'POST',
      token: h.tokens.reviewer,
      json: {
        action: 'reject',
        reason: 'Outside the site focus.',
        items: ids.map((id) => ({ id, basedOn: 1 })),
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ action: 'reject', done: 2, refused: 1 });
    const refused = body.results.find((r: { id: string }) => r.id === stale);
    expect(refused.done).toBe(false);
    expect(refused.error).toMatch(/version 1, but reviewer-2 saved version 2/);
    for (const id of ids.filter((i) => i !== stale)) {
      expect((await h.p.ctx.store.require(id)).state).toBe('rejected');
      expect((await h.p.ctx.store.audit(id)).at(-1)).toMatchObject({
        actor: 'reviewer-1',
        action: 'rejected',
        note: 'Outside the site focus.',
      });
    }
    expect((await h.p.ctx.store.require(stale)).state).toBe('pending_review');
  });

  it('approves in bulk, leaving a paper another reviewer claimed to them', async () => {
    const ids = [await drafted('Bulk approve: first'), await drafted('Bulk approve: second')];
    const versions = await Promise.all(ids.map((id) => fillPlaceholders(h, id, 1)));
    const claimed = ids[1] ?? '';
    await claim(claimed, second);
    const res = await h.call('/api/drafts/bulk', {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { action: 'approve', items: ids.map((id, i) => ({ id, basedOn: versions[i] })) },
    });
    const body = await res.json();
    expect(body).toMatchObject({ done: 1, refused: 1 });
    expect(body.results[1].error).toMatch(/claimed by reviewer-2/);
    expect((await h.p.ctx.store.require(ids[0] ?? '')).state).toBe('approved');
    expect((await h.p.ctx.store.require(claimed)).state).toBe('pending_review');
  });

  it('refuses a bulk request without papers, for editors, and for actions that are not decisions', async () => {
    const empty = await h.call('/api/drafts/bulk', {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { action: 'reject', reason: 'x', items: [] },
    });
    expect(empty.status).toBe(400);
    const editor = await h.call('/api/drafts/bulk', {
      method: 'POST',
      token: h.tokens.editor,
      json: { action: 'reject', reason: 'x', items: [{ id: 'p1', basedOn: 1 }] },
    });
    expect(editor.status).toBe(403);
    const publish = await h.call('/api/drafts/bulk', {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { action: 'publish', items: [{ id: 'p1', basedOn: 1 }] },
    });
    expect(publish.status).toBe(400);
  });
});

describe('claims and bulk decisions on the desk, without the script', () => {
  it('claims on opening, shows the claim on the queue, takes over and releases with plain form posts', async () => {
    const id = await drafted('Desk claims: plain forms');
    const one = await signIn(h, h.tokens.reviewer);
    const two = await signIn(h, second);
    expect(await (await one.get(`/desk/papers/${id}`)).text()).toMatch(/You have claimed this paper since/);
    const queue = await (await two.get('/desk')).text();
    expect(queue).toMatch(/taken by reviewer-1/);
    expect(queue).toContain(`value="${id}@1"`);
    const page = await (await two.get(`/desk/papers/${id}`)).text();
    expect(page).toMatch(/Taken: reviewer-1 is working on this paper/);
    expect(page).toContain('Take over from reviewer-1');

    // The page's script renewing a claim never takes one: it learns who holds it.
    const renew = await fetch(`${h.url}/desk/papers/${id}/claim`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: two.csrf }),
      headers: { accept: 'application/json', cookie: two.cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(await renew.json()).toMatchObject({
      by: 'reviewer-1',
      message: expect.stringMatching(/claimed by reviewer-1/),
    });

    const taken = await two.post(`/desk/papers/${id}/take-over`, {});
    expect(taken.status).toBe(303);
    expect(taken.headers.get('location')).toBe(`/desk/papers/${id}?done=take-over`);
    expect((await h.deps.store.audit(id)).at(-1)).toMatchObject({ actor: 'reviewer-2', action: 'took over' });
    const back = await two.post(`/desk/papers/${id}/release`, {});
    expect(back.headers.get('location')).toBe('/desk');
    expect((await (await h.call(`/api/drafts/${id}/claim`, { token: second })).json()).claim).toBeNull();

    const refused = await two.post(`/desk/papers/${id}/take-over`, {}, { csrf: false });
    expect(refused.status).toBe(403);
  });

  it('moves "next pending" past papers another reviewer has claimed', async () => {
    const [a, b, c] = [
      await drafted('Desk next: a'),
      await drafted('Desk next: b'),
      await drafted('Desk next: c'),
    ];
    const one = await signIn(h, h.tokens.reviewer);
    const two = await signIn(h, second);
    await two.get(`/desk/papers/${b}`); // reviewer-2 is on b
    const page = await (await one.get(`/desk/papers/${a}`)).text();
    const next = /id="nav-next" href="\/desk\/papers\/([^"]+)"/.exec(page)?.[1];
    expect(next).not.toBe(b);
    expect(next).toBe(c);
  });

  it('decides in bulk from a plain form post and lists what happened to each paper', async () => {
    const ids = [await drafted('Desk bulk: one'), await drafted('Desk bulk: two')];
    const web = await signIn(h, h.tokens.reviewer);
    const form = new URLSearchParams({ _csrf: web.csrf, action: 'reject', text: 'Not for this site.' });
    for (const id of ids) form.append('pick', `${id}@1`);
    form.append('pick', `${ids[0]}@1`.replace('@1', '@7')); // a version that never existed
    const res = await fetch(`${h.url}/desk/bulk`, {
      method: 'POST',
      body: form,
      headers: { accept: 'text/html', cookie: web.cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/2 of 3 rejected; 1 refused/);
    expect(html).toContain('data-done="no"');
    const editor = await signIn(h, h.tokens.editor);
    expect(await (await editor.get('/desk')).text()).not.toContain('id="bulk-form"');
    expect((await editor.post('/desk/bulk', { action: 'reject', pick: `${ids[0]}@1` })).status).toBe(403);
  });
});
