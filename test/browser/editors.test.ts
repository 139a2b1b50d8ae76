/**
 * The editor's desk in real headless Chromium: landing on "My submissions",
 * the submit form keeping everything typed through an error and naming the
 * field to fix, the page after submitting titled with the paper's title,
 * changes since the last visit, and batch upload from a file.
 */

import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedBy } from '../../src/store/submitters.ts';
import { type HttpHarness, OFFLINE_SOURCES as OFFLINE, paperText, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe.skipIf(!hasChromium)(`editors' desk in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHttp(OFFLINE);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('keeps what was typed through an error, then lands on a page titled with the paper', async () => {
    const page = await signedIn(browser, h.url, h.tokens.editor);
    expect(new URL(page.url()).pathname).toBe('/desk/mine');
    expect(await page.locator('h1').textContent()).toBe('My submissions');

    await page.click('a[href="/desk/submit"]');
    const title = 'Balance classes and falls in older adults';
    const text = paperText(title).split('\n\n').slice(1).join('\n\n');
    await page.fill('#s-title', title);
    await page.fill('#s-text', text);
    await page.fill('#s-doi', '10.1136/bmj.k3225');
    await page.click('form[action="/desk/submit"] button[type=submit]');
    await page.waitForLoadState('load');
    const banner = (await page.locator('.banner.error').textContent()) ?? '';
    expect(banner).toContain('You filled in Abstract or text and DOI');
    expect(banner).toContain('Keep one of them and clear the others');
    expect(banner).not.toMatch(/Send exactly one|"text"/);
    expect(await page.inputValue('#s-title')).toBe(title);
    expect(await page.inputValue('#s-text')).toBe(text);
    expect(await page.inputValue('#s-doi')).toBe('10.1136/bmj.k3225');
    expect(await page.getAttribute('#s-doi', 'aria-invalid')).toBe('true');

    await page.fill('#s-doi', '');
    await page.click('form[action="/desk/submit"] button[type=submit]');
    await page.waitForURL(/\/desk\/papers\/p[0-9a-f]+\?done=submitted$/);
    expect(await page.title()).toBe(`${title} · LaySum review desk`);
    await page.context().close();
  });

  it('shows the editor’s papers with their states, and what changed since the last visit', async () => {
    const page = await signedIn(browser, h.url, h.tokens.editor);
    await page.goto(`${h.url}/desk/batch`);
    await page.setInputFiles('#b-file', root('test/fixtures/batch/dois-and-pmids.txt'));
    await page.click('form[action="/desk/batch"] button[type=submit]');
    await page.waitForLoadState('load');
    expect(await page.locator('.tally [role=status]').textContent()).toContain(
      'dois-and-pmids.txt: 9 queued, 0 already known (skipped), 3 invalid line(s).',
    );

    await page.goto(`${h.url}/desk/mine`);
    const rows = page.locator('table.mine tbody tr');
    expect(await rows.count()).toBe(10);
    expect(await rows.first().locator('.badge').first().textContent()).toBe('queued');
    // The first paper of the earlier test is drafted while the editor is away.
    await h.p.start({ stages: ['ingest', 'summarize'] });
    const [first] = await submittedBy(h.deps.store, 'editor-1', 1, 9);
    if (!first) throw new Error('no first paper');
    await h.p.waitFor(first.id, ['pending_review']);
    await page.reload();
    expect(await page.locator('.changes').textContent()).toMatch(/changed since your last visit/);
    const row = page.locator(`tr[data-id="${first.id}"]`);
    expect(await row.getAttribute('class')).toBe('changed');
    expect(await row.locator('.badge').first().textContent()).toBe('pending review');
    await row.locator('a').first().click();
    await page.waitForURL(`**/desk/papers/${first.id}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1440);
    await page.context().close();
  });
});
