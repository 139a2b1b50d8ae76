/**
 * The review desk in real headless Chromium: sign in, move through the queue
 * with the keyboard, edit the fields (placeholders first), approve with `a`
 * then Enter, publish,
 * and read the published page. Screenshots of the review page and of the
 * published page go to test-results/ and are copied to docs/ for the README.
 * Skipped (with a message) only where /usr/bin/chromium is missing.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, startHttp } from '../http/support.ts';
import { fixture } from '../support/harness.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn as signedInTab } from './support.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const HEADLINE = 'Strong bones, not vitamin D, drive fracture risk';
const TAKEAWAY =
  'How strong your bones are matters most for your risk of breaking one. Low vitamin D did not raise the risk in this study.';
const FINDINGS =
  'The researchers looked at the genes of more than half a million people. They found 15 places in our DNA linked to broken bones, and all of them also affect how dense and strong bones are.\n\nWhen they used these genes to test possible causes, only bone density clearly changed the risk: people whose genes gave them weaker hip bones were more likely to break a bone. Grip strength, vitamin D levels and other factors showed no clear effect.';
const CAVEATS =
  'This study looked at genes and health records; it did not test treatments such as vitamin D pills.\nMost people studied were of European ancestry, so the results may differ in other groups.';
const AUDIENCE =
  'People over 50 and their doctors: the study points to bone strength and falls, not low vitamin D, as what drives the risk of breaking a bone.';

describe.skipIf(!hasChromium)(`review desk in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  let page: Page;
  let id = '';
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHttp();
    await h.p.start({ stages: ['ingest', 'summarize'] });
    id = await h.p.submit({ kind: 'text', text: fixture('abstracts/pmid-30158200.txt'), journal: 'BMJ' });
    await h.p.waitFor(id, ['pending_review']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    mkdirSync(root('test-results'), { recursive: true });
  });
  const signedIn = (token: string) => signedInTab(browser, h.url, token);

  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('signs in, reviews, edits, approves, publishes and shows the published page', async () => {
    await page.goto(`${h.url}/desk`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('#token', h.tokens.reviewer);
    await page.click('#token-form button[type=submit]');
    await page.waitForURL(`${h.url}/desk`);
    await expect.poll(() => page.locator(`tr[data-id="${id}"]`).count()).toBe(1);

    await page.keyboard.press('j');
    expect(await page.locator('tr.selected').getAttribute('data-id')).toBe(id);
    await page.screenshot({ path: root('test-results/queue.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/desk/papers/${id}`);
    expect(await page.locator('#extractive-notice').isVisible()).toBe(true);
    expect(await page.locator('#source-abstract .label').first().textContent()).toBe('OBJECTIVES: ');
    expect(await page.locator('.shortcuts').textContent()).toContain('approve');

    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-headline');
    await page.fill('#field-headline', HEADLINE);
    // The offline draft marks what it cannot write; the reviewer writes it before approving.
    expect(await page.locator('#placeholder-warning').textContent()).toMatch(/audience/);
    expect(await page.locator('#approve-button').isDisabled()).toBe(true);
    await page.fill('#field-audience', AUDIENCE);
    // A reviewer rewrites the extracted sentences in plain words, as the desk asks.
    await page.fill('#field-takeaway', TAKEAWAY);
    await page.fill('#field-findings', FINDINGS);
    await page.fill('#field-caveats', CAVEATS);
    await page.fill('#field-topics', 'bone health, fractures, vitamin D, genetics');
    await page.selectOption('#field-interestScore', '4');
    await page.fill(
      '#field-interestRationale',
      'Broken bones are common in later life and hard to recover from.',
    );
    await page.click('#edit-form button[type=submit]');
    await page.waitForURL(`**/desk/papers/${id}?done=saved`);
    expect(await page.locator('#changes ins').first().textContent()).toContain('Strong bones');
    await page.screenshot({ path: root('test-results/review-desk.png') });
    await page.screenshot({ path: root('test-results/review-desk-full.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 }); // a phone: the same page, one column
    await page.screenshot({ path: root('test-results/review-desk-390.png') });
    await page.setViewportSize({ width: 1440, height: 1000 });

    expect(await page.locator('#decision-version').textContent()).toMatch(
      /Acting on version 2, saved by reviewer-1/,
    );
    await page.keyboard.press('a'); // one key only moves to the button...
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('approve-button');
    expect((await h.p.ctx.store.require(id)).state).toBe('pending_review');
    await page.keyboard.press('Enter'); // ...and Enter approves
    await page.waitForURL(`**/desk/papers/${id}?done=approve`);
    expect(await page.locator('#paper-state').textContent()).toBe('approved');
    await page.click('#publish-form button');
    await page.waitForURL(`**/desk/papers/${id}?done=publish`);
    await page.click('#published-link');
    await page.waitForURL(/\/s\/strong-bones-not-vitamin-d/);

    expect(await page.locator('h1').textContent()).toBe(HEADLINE);
    expect(await page.locator('.credit').textContent()).toMatch(/checked by a person on/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Reviewer to write|reviewer should|before approving/i);
    const headings = await page.locator('main h2').allTextContents();
    for (const section of [
      'Key Takeaway',
      'What They Found',
      'Who Should Care and Why',
      'Important Considerations',
      'Article Topics',
      'More Details',
    ]) {
      expect(headings).toContain(section);
    }
    expect(await page.locator('.disclaimer').textContent()).toMatch(/not medical advice/);
    expect(await page.locator('a[href^="https://doi.org/"], .source dd').count()).toBeGreaterThan(0);
    await page.screenshot({ path: root('test-results/published-page.png'), fullPage: true });

    if (process.env.LAYSUM_UPDATE_DOCS === '1') {
      // `npm run screenshots`: the README's pictures, refreshed from this run.
      mkdirSync(root('docs'), { recursive: true });
      copyFileSync(root('test-results/review-desk.png'), root('docs/review-desk.png'));
      copyFileSync(root('test-results/review-desk-390.png'), root('docs/review-desk-390.png'));
      copyFileSync(root('test-results/published-page.png'), root('docs/published-page.png'));
    }
    expect(problems).toEqual([]); // no script errors, no CSP violations
  });

  it('moves back with k and focuses the reject reason with r', async () => {
    const other = await h.p.submit({ kind: 'text', text: fixture('abstracts/pmid-29768149.txt') });
    await h.p.waitFor(other, ['pending_review']);
    const tab = await signedIn(h.tokens.reviewer);
    await tab.goto(`${h.url}/desk?state=pending_review`);
    const first = await tab.locator('tr[data-id]').first().getAttribute('data-id');
    await tab.keyboard.press('j');
    await tab.keyboard.press('j');
    await tab.keyboard.press('k');
    expect(await tab.locator('tr.selected').getAttribute('data-id')).toBe(first);
    await tab.goto(`${h.url}/desk/papers/${other}`);
    await tab.keyboard.press('r');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('reject-reason');
    await tab.keyboard.type('ax'); // typing in the field is not a shortcut: no approval
    expect(await tab.inputValue('#reject-reason')).toBe('ax');
    expect((await h.p.ctx.store.require(other)).state).toBe('pending_review');
    await tab.context().close();
  });

  it('shows the queue dashboard to an admin and refuses it to a reviewer', async () => {
    const context = await browser.newContext();
    const admin = await context.newPage();
    await admin.goto(`${h.url}/admin/queues`);
    await admin.waitForURL(/\/login\?next=%2Fadmin%2Fqueues/);
    await admin.fill('#token', h.tokens.admin);
    await admin.click('#token-form button[type=submit]');
    await admin.waitForURL(`${h.url}/admin/queues`);
    await admin.getByText('summarize', { exact: true }).first().waitFor();
    expect(await admin.title()).toContain('LaySum queues');
    await context.close();
    const reviewer = await signedIn(h.tokens.reviewer);
    const refused = await reviewer.goto(`${h.url}/admin/queues`);
    expect(refused?.status()).toBe(403);
    expect(await reviewer.locator('.banner.error').textContent()).toMatch(/needs the admin role/);
    await reviewer.context().close();
  });
});
