/**
 * Decisions on the review page without a reload, in real headless Chromium:
 * approve then publish are sent with fetch, the answered page's <main> takes
 * the place of the old one (a window marker survives: no navigation), the
 * state badge changes and the live region says what happened; a stale
 * decision shows the 409 message the same way, the reviewer's text kept.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, reviewedPaper, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

describe.skipIf(!hasChromium)(`decisions without a reload, in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  const problems: string[] = [];

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
  async function tab(token: string): Promise<Page> {
    const page = await signedIn(browser, h.url, token);
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  }
  const marked = (page: Page) =>
    page.evaluate(() => (window as unknown as { laysumMarker?: string }).laysumMarker);
  const live = (page: Page) => page.locator('#live').textContent();

  it('approves, then publishes, with no navigation: badge, address, focus and live region follow', async () => {
    const id = await readyPaper('Live decisions on balance classes');
    const a = await tab(h.tokens.admin);
    await a.goto(`${h.url}/desk/papers/${id}`);
    await a.evaluate(() => {
      (window as unknown as { laysumMarker?: string }).laysumMarker = 'still here';
    });
    expect(await a.locator('#paper-state').textContent()).toMatch(/review/i);

    await a.fill('#approve-note', 'Reads well');
    await a.click('#approve-button');
    await expect.poll(() => live(a)).toBe('Approved.');
    expect(await marked(a)).toBe('still here');
    expect(await a.locator('#paper-state').textContent()).toMatch(/approved/i);
    expect(new URL(a.url()).search).toBe('?done=approve');
    expect(await a.evaluate(() => document.activeElement?.classList.contains('banner'))).toBe(true);
    expect((await h.p.ctx.store.require(id)).state).toBe('approved');

    // The new <main>'s forms are bound: publish goes the same way.
    await a.click('#publish-form button[type=submit]');
    await expect.poll(() => live(a)).toBe('Published.');
    expect(await marked(a)).toBe('still here');
    expect(await a.locator('#paper-state').textContent()).toMatch(/published/i);
    expect(new URL(a.url()).search).toBe('?done=publish');
    expect((await h.p.ctx.store.require(id)).state).toBe('published');
    expect(problems).toEqual([]);
    await a.context().close();
  });

  it('shows a stale decision refused (409) without a reload, the typed reason kept', async () => {
    const id = await readyPaper('Live refusal on vitamin D and falls');
    const a = await tab(h.tokens.reviewer);
    const b = await tab(h.tokens.admin);
    // A acts before the live update about B's save reaches A's page (that update: live-updates.test.ts).
    await a.route('**/live', (route) => route.abort());
    await a.goto(`${h.url}/desk/papers/${id}`);
    await b.goto(`${h.url}/desk/papers/${id}`);
    await a.evaluate(() => {
      (window as unknown as { laysumMarker?: string }).laysumMarker = 'still here';
    });
    await b.fill('#field-headline', 'Vitamin D may not prevent falls');
    await b.click('#edit-form button[type=submit]');
    await b.waitForURL(`**/desk/papers/${id}?done=saved`);

    await a.fill('#reject-reason', 'The numbers in the draft do not match the paper');
    await a.click('#reject-form button[type=submit]');
    await expect.poll(() => live(a)).toMatch(/version 2, but admin-1 saved version 3/);
    expect(await marked(a)).toBe('still here');
    expect(await a.locator('main > .banner.error').textContent()).toMatch(/admin-1 saved version 3/);
    expect(await a.inputValue('#reject-reason')).toBe('The numbers in the draft do not match the paper');
    expect(new URL(a.url()).pathname).toBe(`/desk/papers/${id}`);
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');
    expect(problems).toEqual([]);
    await a.context().close();
    await b.context().close();
  });
});
