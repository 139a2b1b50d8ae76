/**
 * The promise to a publisher, through the API on the real Redis: nothing is
 * public unless a person approved exactly that text, and anything public can
 * be corrected or withdrawn. Two reviewers racing, an edit after approval, a
 * correction that keeps the URL and says "Updated on", a withdrawal that
 * answers 410 and leaves the index, both feeds and the next export, reopening.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePages } from '../../src/http/site/views/pages.ts';
import { exportSite } from '../../src/publish/export.ts';
import { loadPublished } from '../../src/publish/published.ts';
import { type HttpHarness, reviewedPaper, startHttp } from './support.ts';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttp();
  await h.p.start({ stages: ['ingest', 'summarize'] });
});
afterAll(async () => {
  await h.cleanup();
});

const readyPaper = (title: string) => reviewedPaper(h, title);

const post = (id: string, action: string, json: unknown, token = h.tokens.reviewer) =>
  h.call(`/api/drafts/${id}/${action}`, { method: 'POST', token, json });
const patch = (id: string, basedOn: number, changes: unknown, token = h.tokens.reviewer) =>
  h.call(`/api/drafts/${id}`, { method: 'PATCH', token, json: { basedOn, changes } });
const view = async (id: string) => (await h.call(`/api/drafts/${id}`, { token: h.tokens.reviewer })).json();

async function publicSlug(id: string): Promise<string | undefined> {
  const home = await (await h.call('/')).text();
  return new RegExp(`href="/s/([^"]*${id})"`).exec(home)?.[1];
}

describe('decisions tied to what the reviewer saw', () => {
  it('refuses an approval of version 2 after someone saved version 3, naming who and what', async () => {
    const id = await readyPaper('Racing reviewers and walking speed');
    // Reviewer A has version 2 open; admin B saves version 3 with a new headline.
    expect(
      (await patch(id, 2, { headline: 'Walking faster may mean living longer' }, h.tokens.admin)).status,
    ).toBe(200);
    const stale = await post(id, 'approve', { basedOn: 2 });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(
      /Did not approve .*version 2, but admin-1 saved version 3 at .*\(changed: headline\)/,
    );
    expect((await view(id)).state).toBe('pending_review');
    // A second decision on an already decided paper says who decided.
    expect((await post(id, 'reject', { basedOn: 3, reason: 'Out of scope' }, h.tokens.admin)).status).toBe(
      200,
    );
    const late = await post(id, 'approve', { basedOn: 3 });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatch(/it is rejected \(rejected by admin-1 at .*"Out of scope"\)/);
  });

  it('returns an approved draft to review when it is edited, and publishes only the approved version', async () => {
    const id = await readyPaper('Edits after approval and stair climbing');
    expect((await post(id, 'approve', { basedOn: 2 })).status).toBe(200);
    const edited = await patch(id, 2, { headline: 'An unreviewed headline nobody approved' }, h.tokens.admin);
    expect(edited.status).toBe(200);
    expect((await view(id)).state).toBe('pending_review');
    expect((await view(id)).approval).toBeNull();
    const publish = await post(id, 'publish', { basedOn: 2 });
    expect(publish.status).toBe(409);
    expect(await publicSlug(id)).toBeUndefined();
    // Approving version 3 and publishing version 2 is still refused: only the approved version goes live.
    expect((await post(id, 'approve', { basedOn: 3 })).status).toBe(200);
    const wrong = await post(id, 'publish', { basedOn: 2 });
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error).toMatch(/Did not publish .*version 2, but admin-1 saved version 3/);
    expect((await post(id, 'publish', { basedOn: 3 })).status).toBe(200);
    const page = await (await h.call(`/s/${await publicSlug(id)}`)).text();
    expect(page).toContain('An unreviewed headline nobody approved'); // approved now, by a person
  });
});

describe('corrections and withdrawals', () => {
  it('keeps the published version live during a correction, then says "Updated on" at the same URL', async () => {
    const id = await readyPaper('Corrections to a summary on hip protectors');
    await post(id, 'approve', { basedOn: 2 });
    await post(id, 'publish', { basedOn: 2 });
    const slug = await publicSlug(id);
    const before = await (await h.call(`/s/${slug}`)).text();
    expect(before).not.toContain('Updated on');

    expect(
      (await patch(id, 2, { takeaway: 'A corrected takeaway: the classes lowered the risk of broken hips.' }))
        .status,
    ).toBe(200);
    const during = await (await h.call(`/s/${slug}`)).text();
    expect(during).not.toContain('A corrected takeaway'); // not approved yet: the public still sees version 2
    expect((await view(id)).state).toBe('pending_review');

    await post(id, 'approve', { basedOn: 3 });
    expect((await post(id, 'publish', { basedOn: 3 })).status).toBe(200);
    expect(await publicSlug(id)).toBe(slug);
    const after = await (await h.call(`/s/${slug}`)).text();
    expect(after).toContain('A corrected takeaway');
    // What changed, in one line.
    expect(after).toMatch(/Updated on <time[^>]*>[^<]+<\/time>: Corrected Key Takeaway\.<\/span>/);
    const feed = await (await h.call('/feed.json')).json();
    const item = feed.items.find((i: { id: string }) => i.id === id);
    expect(item.date_modified).toBeTruthy();
    expect(await (await h.call('/feed.xml')).text()).toContain('this summary was corrected');
    const actions = (await view(id)).audit.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'published')).toHaveLength(2);
  });

  it('takes a page down with a reason: 410, out of the index, topics, feeds and the next export', async () => {
    const id = await readyPaper('Withdrawing a summary on balance boards');
    await post(id, 'approve', { basedOn: 2 });
    await post(id, 'publish', { basedOn: 2 });
    const slug = await publicSlug(id);
    const dir = await mkdtemp(join(tmpdir(), 'laysum-withdraw-'));
    const site = { disclaimer: 'Not advice.', baseUrl: 'https://example.org', pages: sitePages };
    await exportSite(await loadPublished(h.p.ctx.store), dir, site);
    expect(await readdir(join(dir, 's'))).toContain(`${slug}.html`);

    const noReason = await post(id, 'unpublish', {}, h.tokens.reviewer);
    expect(noReason.status).toBe(400);
    const editor = await post(id, 'unpublish', { reason: 'x' }, h.tokens.editor);
    expect(editor.status).toBe(403);
    const down = await post(id, 'unpublish', { reason: 'The trial was retracted by the journal.' });
    expect(await down.json()).toMatchObject({ state: 'unpublished' });

    const gone = await h.call(`/s/${slug}`);
    expect(gone.status).toBe(410);
    const goneText = await gone.text();
    expect(goneText).toMatch(/withdrawn by the editors/);
    // The reason, given on a form that says readers see it, is on the withdrawn page.
    expect(goneText).toContain('Reason given by the editors: The trial was retracted by the journal.');
    expect(await (await h.call('/')).text()).not.toContain(id);
    expect(await (await h.call('/?topic=falls')).text()).not.toContain(id);
    expect(await (await h.call('/feed.json')).text()).not.toContain(id);
    expect(await (await h.call('/feed.xml')).text()).not.toContain(id);
    const result = await exportSite(await loadPublished(h.p.ctx.store), dir, site);
    expect(result.removed).toEqual(expect.arrayContaining([`s/${slug}.html`, `data/${slug}.json`]));
    expect(await readdir(join(dir, 's'))).not.toContain(`${slug}.html`);
    const entry = (await view(id)).audit.at(-1);
    expect(entry).toMatchObject({
      actor: 'reviewer-1',
      action: 'unpublished',
      note: expect.stringMatching(/retracted/),
    });
    await rm(dir, { recursive: true, force: true });

    // Reopened, reviewed and published again, it comes back at the same address.
    expect((await post(id, 'reopen', {})).status).toBe(200);
    expect((await view(id)).state).toBe('pending_review');
    await post(id, 'approve', { basedOn: 2 });
    await post(id, 'publish', { basedOn: 2 });
    expect((await h.call(`/s/${slug}`)).status).toBe(200);
  });

  it('reopens a rejected paper and retries a failed one, each in the audit log', async () => {
    const id = await readyPaper('Reopening a rejected summary on tai chi');
    await post(id, 'reject', { basedOn: 2, reason: 'Wrong audience' });
    const reopened = await post(id, 'reopen', { note: 'The audience was fine after all' });
    expect(await reopened.json()).toMatchObject({ state: 'pending_review' });
    const entry = (await view(id)).audit.at(-1);
    expect(entry).toMatchObject({
      action: 'reopened',
      note: 'The audience was fine after all',
      from: null,
      to: 'pending_review',
    });
    const notFailed = await post(id, 'retry', {});
    expect(notFailed.status).toBe(409);
  });
});
