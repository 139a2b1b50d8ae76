/**
 * Pages that follow the paper without a reload (server-sent events), in real
 * headless Chromium: a paper page opened while the paper is queued shows it in
 * review once a worker drafts it; another reviewer's save brings the new
 * version in (with its own Approve button) when the page is untouched, and
 * only a notice when the reviewer is typing, so Approve never names a version
 * the page does not show; the queue picks up a claim. A window marker proves
 * no navigation happened.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedPaper, fillPlaceholders, type HttpHarness, paperText, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

describe.skipIf(!hasChromium)(`live desk pages, in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  let secondReviewer = '';
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHttp();
    secondReviewer = (await h.deps.users.add('reviewer-2', 'reviewer')).token;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
    expect(problems).toEqual([]);
  });

  async function tab(token: string): Promise<Page> {
    const page = await signedIn(browser, h.url, token);
    page.on('pageerror', (e) => problems.push(e.message));
    await page.evaluate(() => {
      (window as unknown as { laysumMarker?: string }).laysumMarker = 'no reload';
    });
    return page;
  }
  const mark = (page: Page) =>
    page.evaluate(() => {
      (window as unknown as { laysumMarker?: string }).laysumMarker = 'no reload';
    });
  const marked = (page: Page) =>
    page.evaluate(() => (window as unknown as { laysumMarker?: string }).laysumMarker);
  const badge = (page: Page) => page.locator('#paper-state').textContent();
  const approveLabel = (page: Page) => page.locator('#approve-button').textContent();

  it('a paper page open while the paper goes from queued to in review updates by itself', async () => {
    const res = await h.call('/api/papers', {
      method: 'POST',
      token: h.tokens.editor,
      json: { text: paperText('Live state of a queued paper on balance') },
    });
    const { id } = (await res.json()) as { id: string };
    const page = await tab(h.tokens.reviewer);
    await page.goto(`${h.url}/desk/papers/${id}`);
    await mark(page);
    expect(await badge(page)).toMatch(/queued/);
    expect(await page.locator('#approve-button').count()).toBe(0);

    await h.p.start({ stages: ['ingest', 'summarize'] });
    await h.p.waitFor(id, ['pending_review']);
    await expect.poll(() => badge(page), { timeout: 30_000 }).toMatch(/pending review/);
    expect(await marked(page)).toBe('no reload');
    expect(await page.locator('#live-notice').textContent()).toMatch(/Updated without a reload/);
    // The decision bar came with the draft it decides on.
    expect(await approveLabel(page)).toMatch(/Approve version 1/);
    expect(await page.locator('#paper-state').getAttribute('data-version')).toBe('1');
  });

  it("another reviewer's save: the untouched page shows the new version; a page being typed in only says so", async () => {
    const id = await draftedPaper(h, 'Live saves on hip fracture classes');
    const untouched = await tab(h.tokens.reviewer);
    await untouched.goto(`${h.url}/desk/papers/${id}`);
    await mark(untouched);
    const typing = await tab(h.tokens.admin);
    await typing.goto(`${h.url}/desk/papers/${id}`);
    await mark(typing);
    await typing.fill('#field-headline', 'My own headline, not saved yet');
    await typing.locator('#approve-note').focus();

    await fillPlaceholders(h, id, 1, secondReviewer);

    await expect.poll(() => approveLabel(untouched), { timeout: 30_000 }).toMatch(/Approve version 2/);
    expect(await marked(untouched)).toBe('no reload');
    expect(await untouched.locator('#paper-state').getAttribute('data-version')).toBe('2');
    expect(await untouched.locator('#live-notice').textContent()).toMatch(
      /Version 2 of this draft was saved/,
    );

    await expect
      .poll(() => typing.locator('#live-notice').textContent(), { timeout: 30_000 })
      .toMatch(/changed while you were working on it.*Version 2/);
    expect(await marked(typing)).toBe('no reload');
    // Still the version it shows, and the typing is where it was.
    expect(await approveLabel(typing)).toMatch(/Approve version 1/);
    expect(await typing.locator('#paper-state').getAttribute('data-version')).toBe('1');
    expect(await typing.inputValue('#field-headline')).toBe('My own headline, not saved yet');
  });

  it("the queue shows another reviewer's claim without a reload", async () => {
    const id = await draftedPaper(h, 'Live claims on the queue of balance papers');
    const queue = await tab(h.tokens.reviewer);
    await queue.goto(`${h.url}/desk?state=pending_review`);
    await mark(queue);
    const row = queue.locator(`tr[data-id="${id}"]`);
    expect(await row.textContent()).not.toMatch(/taken by reviewer-2/);
    const other = await tab(secondReviewer);
    await other.goto(`${h.url}/desk/papers/${id}`);
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/taken by reviewer-2/);
    expect(await marked(queue)).toBe('no reload');
  });
});
