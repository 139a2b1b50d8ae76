/**
 * The JSON API on a real port and the real Redis: the whole review flow
 * (submit, extractive drafting by real workers, edit, approve, publish, the
 * public page), the refusals each role must get, stale edits, error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, paperText, REVIEWER_FILL, startHttp } from './support.ts';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttp();
  await h.p.start();
});
afterAll(async () => {
  await h.cleanup();
});

interface LinkJson {
  field: string;
  text: string;
  sources: number[];
}

interface Submitted {
  id: string;
  created: boolean;
  duplicate: boolean;
  state: string;
}

async function submitAndDraft(title: string): Promise<string> {
  const res = await h.call('/api/papers', {
    method: 'POST',
    token: h.tokens.editor,
    json: { text: paperText(title) },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as Submitted;
  await h.p.waitFor(id, ['pending_review']);
  return id;
}

describe('the review flow through the API', () => {
  it('submits, finds a duplicate, edits, approves, publishes, and the page shows the edit', async () => {
    const text = paperText('Balance classes and hip fractures in older adults');
    const first = await h.call('/api/papers', { method: 'POST', token: h.tokens.editor, json: { text } });
    expect(first.status).toBe(201);
    const created = (await first.json()) as Submitted;
    expect(created).toMatchObject({ created: true, duplicate: false, state: 'queued' });

    const again = await h.call('/api/papers', { method: 'POST', token: h.tokens.admin, json: { text } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: created.id, duplicate: true });

    await h.p.waitFor(created.id, ['pending_review']);
    const list = await (await h.call('/api/drafts', { token: h.tokens.reviewer })).json();
    expect(list.drafts[0].state).toBe('pending_review');
    expect(list.drafts.map((d: { id: string }) => d.id)).toContain(created.id);
    expect(list.counts.pending_review).toBeGreaterThanOrEqual(1);

    const view = await (await h.call(`/api/drafts/${created.id}`, { token: h.tokens.editor })).json();
    expect(view.draft.version).toBe(1);
    expect(view.provenance.provider).toBe('extractive');
    expect(view.draft.checks.length).toBeGreaterThan(0);
    expect(view.source.abstract.map((s: { label: string }) => s.label)).toContain('RESULTS');
    expect(view.audit.map((a: { action: string }) => a.action)).toContain('drafted');
    // Each draft sentence names the source sentences behind it (issue 18).
    const sourceOf = (id: number) =>
      view.sourceSentences.sentences.find((s: { id: number }) => s.id === id)?.text ?? '';
    const linkTo = (links: LinkJson[], words: RegExp) => links.find((l) => words.test(l.text));
    expect(view.sourceSentences.sentences[0]).toMatchObject({
      id: 1,
      part: 'title',
      text: 'Balance classes and hip fractures in older adults',
    });
    const result = linkTo(view.draft.links.links, /30 percent fewer hip fractures/);
    expect(result).toMatchObject({ field: 'findings', method: 'overlap', supported: true });
    expect(sourceOf(result?.sources[0] ?? 0)).toMatch(/^People in the balance classes had fewer falls/);

    const headline = 'Balance classes may mean fewer broken hips';
    const edit = await h.call(`/api/drafts/${created.id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: { basedOn: 1, changes: { headline, ...REVIEWER_FILL } },
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    const edited = await edit.json();
    expect(edited).toMatchObject({ version: 2, draft: { author: 'reviewer-1', summary: { headline } } });
    // The edit's links are its own: the new headline is linked to a source sentence on balance classes.
    const newHeadline = linkTo(edited.draft.links.links, /^Balance classes may mean/);
    expect(newHeadline?.field).toBe('headline');
    expect(sourceOf(newHeadline?.sources[0] ?? 0)).toMatch(/balance classes/i);

    const approve = await h.call(`/api/drafts/${created.id}/approve`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 2, note: 'clear' },
    });
    expect(await approve.json()).toEqual({ id: created.id, state: 'approved', reason: null });
    const publish = await h.call(`/api/drafts/${created.id}/publish`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 2 },
    });
    expect(await publish.json()).toMatchObject({ state: 'published' });

    const home = await (await h.call('/')).text();
    const slug = new RegExp(`href="/s/([a-z0-9-]*${created.id})"`).exec(home)?.[1];
    expect(slug).toBeTruthy();
    const page = await h.call(`/s/${slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(headline);
    expect(html).toContain('Key Takeaway');
    expect(html).toMatch(/Assembled from the article&(?:#39|apos);s abstract and checked by a person on/); // how it was made
    expect(html).not.toContain('extracted automatically'); // a person rewrote it
    for (const internal of ['sourceSentences', '"links"', 'supported', 'overlap'])
      expect(html).not.toContain(internal);
    const feed = await (await h.call('/feed.json')).json();
    expect(JSON.stringify(feed)).not.toMatch(/sourceSentences|"links"|"supported"/);
    expect(feed.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(await (await h.call('/feed.xml')).text()).toContain(headline);
    expect((await h.call(`/s/old-words-${created.id}`)).status).toBe(301);
  });

  it('refuses a stale edit with 409 and keeps the newer version', async () => {
    const id = await submitAndDraft('Stale edits on walking programmes');
    const ok = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: { basedOn: 1, changes: { headline: 'Walking more may protect older hips' } },
    });
    expect(ok.status).toBe(200);
    const stale = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.admin,
      json: { basedOn: 1, changes: { headline: 'An edit made on an old version' } },
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(
      /looking at version 1, but reviewer-1 saved version 2 at .* \(changed: headline\)/,
    );
    expect(body.hint).toMatch(/Reload/);
    const view = await (await h.call(`/api/drafts/${id}`, { token: h.tokens.reviewer })).json();
    expect(view.summary.headline).toBe('Walking more may protect older hips');
  });

  it('validates edits with the summary schema and names the field', async () => {
    const id = await submitAndDraft('Validation of edits to a fall prevention draft');
    const short = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: { basedOn: 1, changes: { headline: 'Hi' } },
    });
    expect(short.status).toBe(400);
    expect((await short.json()).error).toMatch(/headline/);
    const unknown = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      json: { basedOn: 1, changes: { colour: 'red' } },
    });
    expect(unknown.status).toBe(400);
    const notJson = await h.call(`/api/drafts/${id}`, {
      method: 'PATCH',
      token: h.tokens.reviewer,
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(await notJson.json()).toMatchObject({
      error: 'The request body is not valid JSON.',
      hint: expect.any(String),
      status: 400,
      detail: 'The request body is not valid JSON.',
    });
  });

  it('requires a reason to reject and notes to request changes; wrong states are 409, unknown ids 404', async () => {
    const id = await submitAndDraft('Rejecting drafts about stair climbing');
    const noReason = await h.call(`/api/drafts/${id}/reject`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1 },
    });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error).toMatch(/reason for rejecting is required/);
    const noVersion = await h.call(`/api/drafts/${id}/reject`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { reason: 'No version given' },
    });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).hint).toMatch(/basedOn/);
    const noBody = await h.call(`/api/drafts/${id}/approve`, { method: 'POST', token: h.tokens.reviewer });
    expect(noBody.status).toBe(400);
    expect((await noBody.json()).hint).toMatch(/basedOn/);
    const badField = await h.call(`/api/drafts/${id}/reject`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1, reason: 'x', colour: 'red' },
    });
    expect(badField.status).toBe(400);
    expect(await badField.json()).toMatchObject({
      error: expect.stringMatching(/^The reject request is not valid: .*colour/),
      hint: 'See /api/openapi.json for the request shapes.',
    });
    const publish = await h.call(`/api/drafts/${id}/publish`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1 },
    });
    expect(publish.status).toBe(409);
    expect(await publish.json()).toMatchObject({
      error: expect.stringMatching(/Cannot publish .* pending_review/),
      hint: expect.stringMatching(/approved/),
    });
    const rejected = await h.call(`/api/drafts/${id}/reject`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1, reason: 'Not about people' },
    });
    expect(await rejected.json()).toEqual({ id, state: 'rejected', reason: 'Not about people' });
    // A body sent without a JSON content type (curl -d) is still read as JSON.
    const reopened = await h.call(`/api/drafts/${id}/reopen`, {
      method: 'POST',
      token: h.tokens.reviewer,
      body: JSON.stringify({ note: 'Second look' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    expect((await reopened.json()).state).toBe('pending_review');
    const missing = await h.call('/api/drafts/p000000000000', { token: h.tokens.reviewer });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'No paper with id "p000000000000".' });
    expect((await h.call('/api/drafts?state=done', { token: h.tokens.reviewer })).status).toBe(400);
  });

  it('says up front that requesting changes needs an LLM when the offline provider writes the drafts', async () => {
    const id = await submitAndDraft('Sending back drafts about balance training');
    const sent = await h.call(`/api/drafts/${id}/request-changes`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 1, notes: 'Say who took part and for how long.' },
    });
    expect(sent.status).toBe(400);
    expect(await sent.json()).toMatchObject({
      error: expect.stringMatching(/needs an LLM/),
      hint: expect.stringMatching(/Edit the draft yourself/),
    });
    const view = await (await h.call(`/api/drafts/${id}`, { token: h.tokens.reviewer })).json();
    expect(view.state).toBe('pending_review');
    expect(view.versions).toHaveLength(1);
  });

  it('takes a PDF as a multipart upload and refuses a file that is not a PDF', async () => {
    const form = new FormData();
    form.set(
      'pdf',
      new File(['%PDF-1.4\n% not much of a paper\n%%EOF\n'], 'tiny.pdf', { type: 'application/pdf' }),
    );
    const res = await h.call('/api/papers', { method: 'POST', token: h.tokens.editor, body: form });
    expect(res.status).toBe(201);
    const bad = new FormData();
    bad.set('pdf', new File(['hello'], 'notes.pdf', { type: 'application/pdf' }));
    const refused = await h.call('/api/papers', { method: 'POST', token: h.tokens.editor, body: bad });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/not a PDF/);
    const two = await h.call('/api/papers', {
      method: 'POST',
      token: h.tokens.editor,
      json: { pmid: '1', doi: '10.1/x' },
    });
    expect((await two.json()).error).toMatch(/only one of pmid, doi/);
  });

  it('serves the OpenAPI description', async () => {
    const doc = await (await h.call('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/papers', '/api/drafts', '/api/drafts/{id}', '/api/drafts/{id}/approve']),
    );
    expect(doc.components.schemas.LaySummary.properties.headline.maxLength).toBe(120);
    // Generated from the route definitions: every operation named once, so a client gets one method each.
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (ops) => Object.values(ops).map((op) => op.operationId),
    );
    expect(ids.length).toBeGreaterThan(25);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.components.schemas.PaperRow.properties.version.type).toEqual(['integer', 'null']);
    expect(doc.components.schemas.PaperRow.required).toContain('version');
  });
});
