/**
 * The desk never approves text a reviewer did not see and never drops typed
 * text, in real headless Chromium: two reviewers racing on one draft, approve
 * with unsaved edits (saved as a new version, then that version approved),
 * leaving with unsaved edits (asked first), a refused save-and-approve (the
 * page shows the current version, the typing kept aside), and the preview.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, reviewedPaper, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

describe.skipIf(!hasChromium)(`review integrity in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHttp();
    await h.p.start({ stages: ['ingest', 'summarize'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  const readyPaper = (title: string) => reviewedPaper(h, title);

  /** Reviewer A and admin B open one paper; B saves a newer version (`headline`) while A's tab still shows the old one. */
  async function twoTabs(title: string, headline: string) {
    const id = await readyPaper(title);
    const a = await signedIn(browser, h.url, h.tokens.reviewer);
    const b = await signedIn(browser, h.url, h.tokens.admin);
    // A acts before the live update about B's save reaches A's page (that update: live-updates.test.ts).
    await a.route('**/live', (route) => route.abort());
    await a.goto(`${h.url}/desk/papers/${id}`);
    await b.goto(`${h.url}/desk/papers/${id}`);
    await b.fill('#field-headline', headline);
    await b.click('#edit-form button[type=submit]');
    await b.waitForURL(`**/desk/papers/${id}?done=saved`);
    return { id, a, b };
  }

  it("refuses A's approval of the version A saw after B saved a newer one, and says who changed what", async () => {
    const { id, a, b } = await twoTabs(
      'Two reviewers and one draft on home exercise',
      'Exercise at home may keep older adults steady',
    );

    await a.click('#approve-button');
    await a.waitForLoadState();
    expect(await a.locator('.banner.error').textContent()).toMatch(
      /version 2, but admin-1 saved version 3 .*\(changed: headline\)/,
    );
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');
    // Reloaded, A sees version 3 and approves exactly that.
    await a.goto(`${h.url}/desk/papers/${id}`);
    expect(await a.locator('#decision-version').textContent()).toMatch(/version 3/);
    await a.click('#approve-button');
    await a.waitForURL(`**/desk/papers/${id}?done=approve`);
    expect((await h.p.ctx.store.require(id)).approval?.version).toBe(3);
    await a.context().close();
    await b.context().close();
  });

  it('after a refused save-and-approve, shows the current version and what changed, keeps the typing aside, and never approves unseen text', async () => {
    const { id, a, b } = await twoTabs(
      'Two tabs, typed edits and a stale approval on bone density',
      'Version three from the other tab',
    );

    // A types on version 2, approves, accepts "save and approve?": refused (B saved version 3).
    await a.fill('#field-takeaway', 'My own takeaway, typed on version two.');
    a.on('dialog', (d) => void d.accept());
    await a.click('#approve-button');
    await expect.poll(() => a.locator('.banner.error').count()).toBe(1);
    expect(await a.locator('.banner.error').textContent()).toMatch(/version 2, but admin-1 saved version 3/);

    // The page now shows version 3 (not version 2 plus the typing), and what changed since version 2.
    expect(await a.locator('#draft-heading').textContent()).toMatch(/version 3\b/);
    expect(await a.inputValue('#field-headline')).toBe('Version three from the other tab');
    expect(await a.inputValue('#field-takeaway')).not.toBe('My own takeaway, typed on version two.');
    expect(await a.locator('#changes').textContent()).toMatch(/Version 2 → 3/);
    expect((await a.locator('#since-seen ins').allTextContents()).join(' ')).toMatch(/three/);
    // Every decision names the version on screen.
    expect(await a.locator('#approve-button').textContent()).toMatch(/version 3/);
    expect(await a.locator('#decision-version').textContent()).toMatch(/version 3/);
    // The typing is kept in view, to re-apply or discard.
    const unsaved = a.locator('#unsaved-edits');
    expect(await unsaved.textContent()).toMatch(/version 2/);
    expect(await unsaved.textContent()).toContain('My own takeaway, typed on version two.');
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');

    // Re-applied, the typing makes the form unsaved again: approving saves version 4 on top of 3 first.
    await unsaved.locator('button[data-apply="takeaway"]').click();
    expect(await a.inputValue('#field-takeaway')).toBe('My own takeaway, typed on version two.');
    await a.click('#approve-button');
    await a.waitForURL(`**/desk/papers/${id}?done=approve`);
    const paper = await h.p.ctx.store.require(id);
    expect(paper.approval?.version).toBe(4);
    const approved = await h.p.ctx.store.latestDraft(id);
    expect(approved?.summary.headline).toBe('Version three from the other tab');
    expect(approved?.summary.takeaway).toBe('My own takeaway, typed on version two.');
    await a.context().close();
    await b.context().close();
  });

  it('a refused save keeps the typing in the form and treats it as unsaved, so Approve never approves the stored text under it', async () => {
    const id = await readyPaper('A refused save on blood pressure cuffs');
    const tab = await signedIn(browser, h.url, h.tokens.reviewer);
    await tab.goto(`${h.url}/desk/papers/${id}`);
    await tab.fill('#field-topics', 'one');
    await tab.click('#edit-form button[type=submit]');
    await expect.poll(() => tab.locator('.banner.error').count()).toBe(1);
    expect(await tab.inputValue('#field-topics')).toBe('one');
    expect(await tab.locator('#draft-heading').textContent()).toMatch(/unsaved/);
    const dialogs: string[] = [];
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await tab.click('#approve-button');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/unsaved edits/);
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');
    await tab.context().close();
  });

  it('saves unsaved edits as a new version before approving, after asking', async () => {
    const id = await readyPaper('Unsaved edits and walking sticks');
    const tab = await signedIn(browser, h.url, h.tokens.reviewer);
    await tab.goto(`${h.url}/desk/papers/${id}`);
    await tab.fill('#field-headline', 'Walking sticks may prevent falls at home');
    const dialogs: string[] = [];
    tab.once('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await tab.click('#approve-button');
    await tab.waitForURL(`**/desk/papers/${id}?done=approve`);
    expect(dialogs[0]).toMatch(/unsaved edits.*Save them as a new version and approve/);
    const paper = await h.p.ctx.store.require(id);
    expect(paper.state).toBe('approved');
    expect(paper.approval?.version).toBe(3);
    expect((await h.p.ctx.store.latestDraft(id))?.summary.headline).toBe(
      'Walking sticks may prevent falls at home',
    );
    await tab.context().close();
  });

  it('keeps typed text when the reviewer declines, and asks before leaving with unsaved edits', async () => {
    const id = await readyPaper('Leaving a page with unsaved edits on hip pads');
    const tab = await signedIn(browser, h.url, h.tokens.reviewer);
    await tab.goto(`${h.url}/desk/papers/${id}`);
    await tab.fill('#field-headline', 'A headline I have not saved yet');
    tab.once('dialog', (d) => void d.dismiss());
    await tab.click('#approve-button');
    expect(await tab.inputValue('#field-headline')).toBe('A headline I have not saved yet');
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');

    const asked: string[] = [];
    tab.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await tab.locator('a[href="/desk"]').first().click();
    await expect.poll(() => asked).toContain('beforeunload');
    expect(new URL(tab.url()).pathname).toBe(`/desk/papers/${id}`);
    expect(await tab.inputValue('#field-headline')).toBe('A headline I have not saved yet');
    await tab.context().close();
  });

  it('previews the draft as the public page would show it', async () => {
    const id = await readyPaper('Previewing a summary on vision checks');
    const tab = await signedIn(browser, h.url, h.tokens.reviewer);
    await tab.goto(`${h.url}/desk/papers/${id}`);
    await tab.click('#preview-link');
    await tab.waitForURL(`**/desk/papers/${id}/preview`);
    expect(await tab.locator('.preview-banner').textContent()).toMatch(/Preview of version 2: not published/);
    expect(await tab.locator('main h2').allTextContents()).toContain('Who Should Care and Why');
    expect((await h.call('/')).status).toBe(200);
    expect(await (await h.call('/')).text()).not.toContain(id);
    await tab.context().close();
  });
});
