/**
 * The review desk as a browser drives it (plain fetch, cookies and forms):
 * sign-in, the session cookie, CSRF on every form, roles, editing with
 * stale-version protection, decisions, and sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valuesOf } from '../../src/http/web/views/form-values.ts';
import type { PaperView } from '../../src/review/view.ts';
import {
  fillPlaceholders,
  type HttpHarness,
  hiddenCsrf,
  paperText,
  signIn,
  startHttp,
  type WebSession,
} from './support.ts';

let h: HttpHarness;
let reviewer: WebSession;

beforeAll(async () => {
  h = await startHttp();
  await h.p.start({ stages: ['ingest', 'summarize'] });
  reviewer = await signIn(h, h.tokens.reviewer);
});
afterAll(async () => {
  await h.cleanup();
});

async function pendingPaper(title: string): Promise<string> {
  const id = await h.p.submit({ kind: 'text', text: paperText(title) });
  await h.p.waitFor(id, ['pending_review']);
  return id;
}

async function view(id: string): Promise<PaperView> {
  return (await h.call(`/api/drafts/${id}`, { token: h.tokens.admin })).json() as Promise<PaperView>;
}

function editFields(v: PaperView, headline: string): Record<string, string> {
  if (!v.draft) throw new Error('no draft');
  return { ...valuesOf(v.draft.summary, v.draft.version), headline };
}

describe('signing in', () => {
  it('sends a signed-out browser to sign in, and refuses a wrong token', async () => {
    const res = await h.call('/desk?state=approved', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fdesk%3Fstate%3Dapproved');
    await expect(signIn(h, 'lsm_wrong')).rejects.toThrow(/sign-in failed: 401.*That token is not valid/s);
  });

  it('keeps an httpOnly SameSite session cookie, not the token', async () => {
    const form = await h.call('/login');
    const cookie = form.headers.getSetCookie().join('; ');
    const body = new URLSearchParams({
      _csrf: hiddenCsrf(await form.text()),
      token: h.tokens.editor,
      next: '/desk/history',
    });
    const res = await h.call('/login', {
      method: 'POST',
      body,
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk/history');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('laysum_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toContain(h.tokens.editor);
  });

  it('refuses a login form without its CSRF token', async () => {
    const body = new URLSearchParams({ token: h.tokens.admin });
    const res = await h.call('/login', { method: 'POST', body, headers: { accept: 'application/json' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/CSRF/);
  });

  it('does not let the session cookie drive the API (bearer tokens only)', async () => {
    const res = await h.call('/api/drafts', { headers: { cookie: reviewer.cookie } });
    expect(res.status).toBe(401);
  });
});

describe('desk forms', () => {
  it('refuses a form post without or with a wrong CSRF token, and anonymous posts', async () => {
    const id = await pendingPaper('CSRF and vitamin D in care homes');
    const none = await reviewer.post(`/desk/papers/${id}/approve`, {}, { csrf: false });
    expect(none.status).toBe(403);
    expect(await none.text()).toContain('The form has no valid CSRF token');
    const wrong = await reviewer.post(`/desk/papers/${id}/approve`, { _csrf: 'forged' }, { csrf: false });
    expect(wrong.status).toBe(403);
    const anonymous = await h.call(`/desk/papers/${id}/approve`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: reviewer.csrf }),
    });
    expect(anonymous.status).toBe(401);
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');
  });

  it("refuses an editor's approval with 403 even with a valid CSRF token", async () => {
    const id = await pendingPaper('Editors and hip protectors');
    const editor = await signIn(h, h.tokens.editor);
    const page = await (await editor.get(`/desk/papers/${id}`)).text();
    expect(page).not.toContain('id="approve-form"');
    const res = await editor.post(`/desk/papers/${id}/approve`, {});
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/needs the reviewer or admin role/);
  });

  it('saves an edit as a new version, shows the word diff, and refuses a stale one keeping the text', async () => {
    const id = await pendingPaper('Editing drafts on strength training');
    const before = await view(id);
    const saved = await reviewer.post(
      `/desk/papers/${id}/edit`,
      editFields(before, 'Strength training may keep older adults on their feet'),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/desk/papers/${id}?done=saved`);
    const page = await (await reviewer.get(`/desk/papers/${id}?done=saved`)).text();
    expect(page).toContain('Your edit is saved as a new version.');
    expect(page).toContain('Extractive draft (version 1) → human edit by reviewer-1 (version 2)');
    expect(page).toMatch(/<ins>[^<]*Strength training may keep/);
    const after = await view(id);
    expect(after.audit.at(-1)).toMatchObject({
      actor: 'reviewer-1',
      action: 'edited',
      // Before and after, for the history page.
      note: expect.stringMatching(
        /^headline: ".+" → "Strength training may keep older adults on their feet"$/,
      ),
    });

    const stale = await reviewer.post(
      `/desk/papers/${id}/edit`,
      editFields(before, 'A competing headline from an old tab'),
    );
    expect(stale.status).toBe(409);
    const text = await stale.text();
    expect(text).toMatch(
      /you were looking at version 1, but reviewer-1 saved version 2 at [^(]+\(changed: headline\)/,
    );
    // The typing waits beside the form; the form and every decision show version 2, the version on screen.
    expect(text).toMatch(
      /id="unsaved-edits"[\s\S]*typed on version 1[\s\S]*A competing headline from an old tab/,
    );
    expect(text).toMatch(
      /id="field-headline" type="text" name="headline" value="Strength training may keep older adults on their feet"/,
    );
    expect(text).toContain('Approve version 2');
    expect(text).not.toContain('Approve version 1');
    expect(text).toMatch(/id="since-seen"[\s\S]*What changed since version 1/);
    expect((await view(id)).summary?.headline).toBe('Strength training may keep older adults on their feet');
  });

  it('approves and publishes from the desk, rejects only with a reason', async () => {
    const id = await pendingPaper('Approving drafts on home hazards');
    // The offline draft's placeholders block approval until the reviewer writes those fields.
    const blocked = await reviewer.post(`/desk/papers/${id}/approve`, { basedOn: '1', note: 'fine' });
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toMatch(/still has text LaySum marked as a placeholder, in: audience/);
    const version = await fillPlaceholders(h, id, 1);
    const approved = await reviewer.post(`/desk/papers/${id}/approve`, {
      basedOn: String(version),
      note: 'fine',
    });
    expect(approved.status).toBe(303);
    const published = await reviewer.post(`/desk/papers/${id}/publish`, { basedOn: String(version) });
    expect(published.headers.get('location')).toBe(`/desk/papers/${id}?done=publish`);
    const page = await (await reviewer.get(`/desk/papers/${id}?done=publish`)).text();
    expect(page).toMatch(/id="published-link" href="\/s\/[a-z0-9-]+"/);

    const other = await pendingPaper('Rejecting drafts on footwear');
    const noReason = await reviewer.post(`/desk/papers/${other}/reject`, { basedOn: '1', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('A reason for rejecting is required.');
    expect(
      (await reviewer.post(`/desk/papers/${other}/reject`, { basedOn: '1', reason: 'Off topic' })).status,
    ).toBe(303);
    const history = await (await reviewer.get('/desk/history')).text();
    expect(history).toContain('Off topic');
    expect(history).toMatch(/reviewer-1<\/td>\s*<td>rejected/);
  });

  it('lists the queue with counts, filters and the shortcuts, pending first', async () => {
    const id = await pendingPaper('Queue listing for balance shoes');
    const page = await (await reviewer.get('/desk')).text();
    expect(page).toContain(`data-id="${id}"`);
    expect(page).toMatch(/pending review <span class="badge">\d+<\/span>/);
    expect(page).toContain('extractive (no AI)');
    expect(page).toContain('<kbd>j</kbd>');
    const search = await (await reviewer.get('/desk?q=balance+shoes')).text();
    expect(search).toContain(`data-id="${id}"`);
    expect(search).not.toContain('Strength training');
    const none = await (await reviewer.get('/desk?state=published&q=balance+shoes')).text();
    expect(none).not.toContain(`data-id="${id}"`);
  });

  it('signs out by ending the session in Redis', async () => {
    const session = await signIn(h, h.tokens.admin);
    expect((await session.get('/desk')).status).toBe(200);
    expect((await session.post('/logout', {})).status).toBe(303);
    const after = await session.get('/desk');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
  });

  it('filters the queue by topic', async () => {
    const id = await pendingPaper('Topic filters for walking frames');
    const changes = { topics: ['walking frames', 'falls', 'older adults'] };
    await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: { basedOn: 1, changes },
    });
    const page = await (await reviewer.get('/desk?topic=Walking+Frames')).text();
    expect(page).toContain(`data-id="${id}"`);
    expect(page).toContain('<option value="walking frames" selected="">');
    expect(await (await reviewer.get('/desk?topic=knitting')).text()).not.toContain(`data-id="${id}"`);
    const api = await (await h.call('/api/drafts?topic=walking%20frames', { token: h.tokens.editor })).json();
    expect(api.drafts.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('shows the source with its journal, date and DOI / PubMed links', async () => {
    const record = {
      title: 'Vitamin D and falls: a randomised trial',
      journal: 'The Lancet',
      publishedAt: '2019-03-02',
      ids: { doi: '10.1016/s0140-6736(19)30001-x', pmid: '30808000' },
      abstract: [
        {
          label: 'BACKGROUND',
          category: null,
          text: 'Falls are common in older adults and often lead to injury, loss of confidence and admission to hospital or care homes.',
        },
        {
          label: 'FINDINGS',
          category: null,
          text: 'Monthly vitamin D did not reduce falls compared with placebo in 5110 adults followed for more than three years.',
        },
      ],
    };
    const id = await h.p.submit({
      kind: 'record',
      record: {
        ...record,
        authors: [],
        publicationTypes: ['Randomized Controlled Trial'],
        keywords: [],
        fullText: null,
        language: 'eng',
        sourceUrl: null,
      },
    });
    await h.p.waitFor(id, ['pending_review']);
    const page = await (await reviewer.get(`/desk/papers/${id}`)).text();
    expect(page).toContain('<dd>The Lancet</dd>');
    expect(page).toContain('<dd>2019-03-02</dd>');
    expect(page).toContain('href="https://doi.org/10.1016/s0140-6736(19)30001-x"');
    expect(page).toContain('href="https://pubmed.ncbi.nlm.nih.gov/30808000/"');
    expect(page).toMatch(
      /<span class="label">FINDINGS: <\/span><span class="src-s" id="src-s-\d+" data-source-id="\d+">Monthly vitamin D/,
    );
  });

  it('answers unknown desk pages with an HTML 404 for browsers', async () => {
    const res = await reviewer.get('/desk/nowhere');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Nothing at /desk/nowhere.');
    expect((await reviewer.get('/desk/papers/p000000000000')).status).toBe(404);
  });

  it('lets an editor submit from the desk, finds the duplicate, and refuses a reviewer', async () => {
    const editor = await signIn(h, h.tokens.editor);
    const fields = {
      title: 'Desk submissions about hip protectors',
      text: paperText('Desk submissions about hip protectors'),
    };
    const first = await editor.post('/desk/submit', fields);
    expect(first.status).toBe(303);
    const location = first.headers.get('location') ?? '';
    expect(location).toMatch(/^\/desk\/papers\/p[0-9a-f]{12}\?done=submitted$/);
    const again = await editor.post('/desk/submit', fields);
    expect(again.headers.get('location')).toBe(location.replace('submitted', 'duplicate'));
    const empty = await editor.post('/desk/submit', { text: '', pmid: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Nothing to submit yet.');
    expect((await reviewer.post('/desk/submit', fields)).status).toBe(403);
  });
});
