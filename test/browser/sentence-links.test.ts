/**
 * Sentence links on the review page in real headless Chromium, at 1280 px
 * (source pane beside the draft) and 390 px (a phone: one column, tapped):
 * selecting a draft sentence by click, tap or keyboard highlights the source
 * sentences behind it in the source pane and opens them under the sentence;
 * a sentence with no support is marked in words; the verifier's verdicts stand
 * beside the sentences. Skipped (with a message) only where /usr/bin/chromium is missing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpHarness } from '../http/support.ts';
import type { FakeOpenAi } from '../support/fake-openai.ts';
import { verifiedDesk } from '../support/verdicts.ts';
import { CHROMIUM, hasChromium, launchChromium } from './support.ts';

describe.skipIf(!hasChromium)(`sentence links in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let llm: FakeOpenAi;
  let browser: Browser;
  let id = '';

  beforeAll(async () => {
    ({ h, llm, id } = await verifiedDesk());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
    await llm?.close();
  });

  async function reviewPage(width: number): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, hasTouch: width < 500 });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${h.url}/login`);
    await page.fill('#token', h.tokens.reviewer);
    await page.press('#token', 'Enter');
    await page.waitForURL(`${h.url}/desk`);
    await page.goto(`${h.url}/desk/papers/${id}`);
    return { page, problems };
  }
  const sentence = (page: Page, field: string, n: number) =>
    page.locator(`#sentence-links .link[data-field="${field}"][data-sentence="${n}"]`);
  const linked = (page: Page) =>
    page.$$eval('.src-s.linked', (els) => els.map((e) => Number(e.getAttribute('data-source-id'))));

  it('at 1280 px: a clicked or focused sentence lights its source sentences in the pane beside it', async () => {
    const { page, problems } = await reviewPage(1280);
    await page.click('#sentence-links > summary');
    // The panel says what is unsupported and flagged before anything is opened.
    const head = await page.locator('#sentence-links > summary').textContent();
    expect(head).toMatch(/13 sentences.*\d+ without support.*verifier: \d+ flagged/);

    const findings = sentence(page, 'findings', 0);
    await findings.locator('summary').click();
    expect(await linked(page)).toEqual([4]);
    const highlighted = page.locator('#src-s-4');
    expect(await highlighted.isVisible()).toBe(true);
    // Beside it: the source sentence is left of the draft sentence, both on screen.
    const src = await highlighted.boundingBox();
    const draft = await findings.boundingBox();
    expect(src && draft && src.x + src.width <= draft.x + 1).toBe(true);
    expect(await highlighted.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(
      true,
    );
    expect(await findings.locator('.link-sources').textContent()).toMatch(
      /Source sentence 4 \(SETTING\): 25 cohorts/,
    );
    // The verifier's verdict stands beside the sentence.
    expect(await findings.locator('.badge.verdict').textContent()).toBe('Verifier: contradicts the source');

    // Keyboard: focusing another sentence moves the highlight (the first closes when the next opens).
    await sentence(page, 'findings', 3).locator('summary').focus();
    expect(await linked(page)).toEqual([15]);
    await page.keyboard.press('Enter');
    expect(await sentence(page, 'findings', 3).locator('details').getAttribute('open')).not.toBeNull();
    expect(await findings.locator('details').getAttribute('open')).toBeNull();
    expect(await page.locator('#live').textContent()).toBe('Source sentence 15 highlighted.');

    // No support: marked in words; nothing is claimed as support.
    const lonely = sentence(page, 'caveats[1]', 0);
    expect(await lonely.locator('.badge.no-support').textContent()).toBe('No support in the source');
    await lonely.locator('summary').click();
    expect(await linked(page)).toEqual([]);
    expect(await lonely.locator('.link-sources').textContent()).toMatch(
      /No source sentence supports this sentence/,
    );
    expect(problems).toEqual([]);
    await page.screenshot({ path: 'test-results/sentence-links-1280.png' }).catch(() => {});
    await page.context().close();
  });

  it('at 390 px: a tapped sentence opens its source sentences under it, on screen, with nothing wider than the phone', async () => {
    const { page, problems } = await reviewPage(390);
    await page.locator('#sentence-links > summary').tap();
    const findings = sentence(page, 'findings', 0);
    await findings.locator('summary').tap();
    expect(await linked(page)).toEqual([4]);
    const sources = findings.locator('.link-sources');
    expect(await sources.isVisible()).toBe(true);
    const box = await sources.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect(await sources.textContent()).toMatch(/Source sentence 4 \(SETTING\)/);
    const lonely = sentence(page, 'audience', 0);
    expect(await lonely.locator('.badge.no-support').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await findings.screenshot({ path: 'test-results/sentence-links-390.png' }).catch(() => {});
    await page.context().close();
  });
});
