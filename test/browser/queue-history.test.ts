/**
 * The queue and the history at scale in real headless Chromium: 120 seeded
 * papers, paging forward and back, searching by PMID, filtering by topic and
 * check result, sorting by a column, opening a paper by clicking anywhere on
 * its row; the history pages back, filters by action and unfolds system
 * events. Skipped (with a message) only where /usr/bin/chromium is missing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPapers, seedPmid } from '../../bench/seed.ts';
import { type HttpHarness, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

const COUNT = 120;

describe.skipIf(!hasChromium)(`queue and history in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  let page: Page;
  let ids: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHttp();
    ids = await seedPapers(h.deps.store, COUNT - 1);
    await new Promise((r) => setTimeout(r, 5));
    ids.push(...(await seedPapers(h.deps.store, 1, { from: COUNT - 1 })));
    browser = await launchChromium();
    page = await signedIn(browser, h.url, h.tokens.reviewer);
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  const rowIds = () =>
    page.locator('tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

  it('pages through the queue, newest first, forward and back', async () => {
    await page.goto(`${h.url}/desk`);
    const first = await rowIds();
    expect(first).toHaveLength(50);
    expect(first[0]).toBe(ids[COUNT - 1]);
    await expect.poll(() => page.locator('.pager').first().textContent()).toContain(`1–50 of ${COUNT}`);
    await page.click('.pager a[rel=next]');
    await page.waitForURL(/page=2/);
    const second = await rowIds();
    expect(second).toHaveLength(50);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await page.click('.pager a[rel=next]');
    await page.waitForURL(/page=3/);
    expect(await rowIds()).toHaveLength(COUNT - 100);
    await page.click('.pager a[rel=prev]');
    await page.waitForURL(/page=2/);
    expect(await rowIds()).toEqual(second);
  });

  it('searches by PMID, filters by topic and check result, sorts by a column', async () => {
    await page.goto(`${h.url}/desk`);
    await page.fill('#f-q', seedPmid(COUNT - 1));
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/q=/);
    expect(await rowIds()).toEqual([ids[COUNT - 1]]);

    await page.goto(`${h.url}/desk`);
    await page.selectOption('#f-topic', 'sleep');
    await page.selectOption('#f-check', 'fail');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/check=fail/);
    const cells = await page.locator('tbody tr[data-id] td[data-label="Checks"]').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c === 'fail')).toBe(true);
    expect(await page.inputValue('#f-topic')).toBe('sleep');

    await page.click('th a[data-sort=credibility]');
    await page.waitForURL(/sort=credibility/);
    expect(page.url()).toContain('topic=sleep');
    const cred = (await page.locator('tbody tr[data-id] td[data-label="Credibility"]').allTextContents()).map(
      Number,
    );
    expect(cred).toEqual([...cred].sort((a, b) => b - a));
  });

  it('opens a paper when its row is clicked outside the link', async () => {
    await page.goto(`${h.url}/desk`);
    const row = page.locator('tbody tr[data-id]').nth(2);
    const id = await row.getAttribute('data-id');
    await row.locator('td').nth(3).click();
    await page.waitForURL(new RegExp(`/desk/papers/${id}`));
  });

  it('pages the history back to its first entry and unfolds system events', async () => {
    await page.goto(`${h.url}/desk/history`);
    const folded = page.locator('tr.folded details').first();
    await folded.locator('summary').click();
    expect(await folded.locator('tr').count()).toBeGreaterThan(1);
    for (let i = 0; i < 20; i++) {
      const older = page.locator('.pager a[rel=next]');
      if ((await older.count()) === 0) break;
      await older.click();
      await page.waitForLoadState();
    }
    await expect.poll(() => page.locator('#history-start').count()).toBe(1);
    await page.goto(`${h.url}/desk/history`);
    await page.selectOption('#h-action', 'submitted');
    await page.fill('#h-who', 'web:lee');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/action=submitted/);
    const who = await page.locator('table.trail > tbody > tr > td:nth-child(3)').allTextContents();
    expect(who.length).toBe(40);
    expect(who.every((w) => w === 'web:lee')).toBe(true);
    expect(await page.locator('table.trail a').first().textContent()).toMatch(/^Seed study seed\d+ on/);
    expect(problems).toEqual([]);
  });
});
