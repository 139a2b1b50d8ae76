/**
 * j / k on a review page, in real headless Chromium: they go to the next and
 * previous pending paper (as the page's links "next pending (j)" say), never
 * through the page's own History rows; at the end of the queue they say so.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedPaper, type HttpHarness, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

describe.skipIf(!hasChromium)(`j/k on the review page, in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await startHttp();
    await h.p.start({ stages: ['ingest', 'summarize'] });
    for (const title of ['Keys one: balance', 'Keys two: bones', 'Keys three: walking'])
      ids.push(await draftedPaper(h, title));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  const at = (page: Page) => new URL(page.url()).pathname;
  const paper = (id: string | undefined) => `/desk/papers/${id}`;

  it('j goes to the next pending paper and k to the previous one, not to History rows', async () => {
    const page = await signedIn(browser, h.url, h.tokens.reviewer);
    await page.goto(`${h.url}${paper(ids[1])}`);
    // The page's own History has rows that open a paper: j must not walk them.
    expect(await page.locator('tr[data-href]').count()).toBeGreaterThan(0);

    await page.keyboard.press('j');
    await page.waitForURL(`**${paper(ids[2])}`);
    expect(await page.locator('tr.selected').count()).toBe(0);

    await page.keyboard.press('k');
    await page.waitForURL(`**${paper(ids[1])}`);
    await page.keyboard.press('k');
    await page.waitForURL(`**${paper(ids[0])}`);

    // Nothing before the first: it stays and says so.
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('#live').textContent()).toMatch(/No previous pending paper/);
    expect(at(page)).toBe(paper(ids[0]));
    await page.context().close();
  });
});
