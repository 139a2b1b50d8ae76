/**
 * The desk never approves text a reviewer did not see and never drops typed
 * text, in real headless Chromium: two reviewers racing on one draft, approve
 * with unsaved edits (saved as a new version, then that version approved),
 * leaving with unsaved edits (asked first), and the preview of the page.
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

  it("refuses A's approval of the version A saw after B saved a newer one, and says who changed what", async () => {
    const id = await readyPaper('Two reviewers and one draft on home exercise');
    const a = await signedIn(browser, h.url, h.tokens.reviewer);
    const b = await signedIn(browser, h.url, h.tokens.admin);
    await a.goto(`${h.url}/desk/papers/${id}`);
    await b.goto(`${h.url}/desk/papers/${id}`);
    await b.fill('#field-headline', 'Exercise at home may keep older adults steady');
    await b.click('#edit-form button[type=submit]');
    await b.waitForURL(`**/desk/papers/${id}?done=saved`);

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
