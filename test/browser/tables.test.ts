/**
 * Tables that read, in real headless Chromium: at 1280 px no table cell on any
 * desk page breaks inside a word ("Gr/ad/e", "17./6", "opena/i" were seen);
 * at 390 px every desk page fits without sideways scrolling and no table is
 * squeezed until its words break (My submissions, watches and users become
 * stacked cards like the queue). Words are measured with DOM ranges: a word
 * whose glyphs sit on two lines is broken. Breaks at a hyphen or slash are
 * ordinary line breaks; long tokens (URLs, ids of 25+ characters) may break.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedPaper, type HttpHarness, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

/** Words of 2 to 24 characters inside table cells whose glyphs are on more than one line. */
function brokenWords(): string[] {
  const broken: string[] = [];
  for (const cell of Array.from(document.querySelectorAll('main td, main th'))) {
    // Not shown (a stacked table's header row is kept for screen readers only, 1 px wide).
    const head = cell.closest('thead')?.getBoundingClientRect();
    if (cell.getClientRects().length === 0 || (head && head.width <= 1)) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/[^\s\-/–—]+/g)) {
        const word = m[0];
        if (word.length < 2 || word.length > 24 || m.index === undefined) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + word.length);
        const lines = new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top)),
        );
        if (lines.size > 1) broken.push(`${word} (${cell.tagName.toLowerCase()})`);
      }
    }
  }
  return broken;
}

describe.skipIf(!hasChromium)(`desk tables in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  let paths: string[] = [];

  beforeAll(async () => {
    h = await startHttp();
    await h.p.start({ stages: ['ingest', 'summarize'] });
    const ids = [
      await draftedPaper(h, 'Tables: balance classes and hip fractures in older adults'),
      await draftedPaper(h, 'Tables: walking sticks'),
    ];
    await h.deps.watches.add({
      kind: 'feed',
      target: 'https://journals.example.org/rss/current-issue.xml',
      everyMs: 3_600_000,
      createdBy: 'admin-1',
    });
    await h.deps.watches.add({
      kind: 'pubmed',
      target: 'hip fracture[tiab] AND exercise',
      everyMs: 21_600_000,
      createdBy: 'admin-1',
    });
    paths = [
      '/desk',
      '/desk?state=pending_review',
      `/desk/papers/${ids[0]}`,
      '/desk/history',
      '/desk/mine',
      '/desk/submit',
      '/desk/batch',
      '/desk/admin',
      '/desk/admin/watches',
      '/desk/admin/users',
      '/desk/admin/webhooks',
    ];
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  async function check(page: Page, path: string, width: number) {
    await page.goto(h.url + path);
    const fit = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(fit, `${path} is wider than ${width} px by ${fit} px`).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(brokenWords),
      `words broken in a table cell on ${path} at ${width} px`,
    ).toEqual([]);
  }

  for (const width of [1280, 390]) {
    it(`no table cell breaks inside a word, and every desk page fits, at ${width} px`, async () => {
      const page = await signedIn(browser, h.url, h.tokens.admin, width);
      for (const path of paths) await check(page, path, width);
      // The bulk result page: approve one paper from the queue.
      await page.goto(`${h.url}/desk?state=pending_review`);
      const pick = page.locator('.bulk-pick').first();
      if ((await pick.count()) > 0) {
        await pick.check();
        await page.selectOption('#bulk-action', 'reject');
        await page.fill('#bulk-text', 'Outside what this site covers.');
        await page.click('#bulk-apply');
        await page.waitForURL(`${h.url}/desk/bulk`);
        expect(await page.evaluate(brokenWords), `bulk results at ${width} px`).toEqual([]);
      }
      await page.context().close();
    });
  }
});
