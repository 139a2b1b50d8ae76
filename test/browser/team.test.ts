/**
 * The desk for a team, in real headless Chromium: two reviewers opening one
 * draft at once (one claim between them), an explicit take-over announced
 * without a reload, a claim that lapses by itself, a bulk decision with one
 * stale paper; and every desk page at 1280 and 390 px: no horizontal
 * scrolling, Sign out reachable, and a focused field never under the sticky
 * decision bar. Screenshots at both widths go to test-results/ (and docs/
 * with LAYSUM_UPDATE_DOCS=1).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOf } from '../../src/runtime/context.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { draftedPaper, fillPlaceholders, type HttpHarness, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe.skipIf(!hasChromium)(`the desk for a team, in Chromium (${CHROMIUM})`, () => {
  let h: HttpHarness;
  let browser: Browser;
  let second = '';
  const problems: string[] = [];
  const tabs: Page[] = [];

  beforeAll(async () => {
    h = await startHttp();
    await h.p.start({ stages: ['ingest', 'summarize'] });
    second = (await h.deps.users.add('reviewer-2', 'reviewer')).token;
    browser = await launchChromium();
    mkdirSync(root('test-results'), { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  /** A signed-in tab whose script errors and failed requests are collected. */
  async function tab(token: string, width = 1280): Promise<Page> {
    const page = await signedIn(browser, h.url, token, width);
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    tabs.push(page);
    return page;
  }
  const paperUrl = (id: string) => `${h.url}/desk/papers/${id}`;
  const notice = (page: Page) => page.locator('#claim-notice').textContent();

  it('gives one claim to two reviewers opening a draft at once; the other sees who and since when', async () => {
    const id = await draftedPaper(h, 'Team desk: two reviewers at once');
    const [a, b] = await Promise.all([tab(h.tokens.reviewer), tab(second)]);
    await Promise.all([a.goto(paperUrl(id)), b.goto(paperUrl(id))]);
    const texts = [await notice(a), await notice(b)];
    const mine = texts.filter((t) => t?.includes('You have claimed this paper'));
    const taken = texts.filter((t) =>
      /Taken: reviewer-[12] is working on this paper \(claimed \d{4}-/.test(t ?? ''),
    );
    expect(mine).toHaveLength(1);
    expect(taken).toHaveLength(1);

    const [winner, loser] = texts[0]?.includes('You have claimed') ? [a, b] : [b, a];
    await winner.goto(`${h.url}/desk`);
    expect(await winner.locator(`tr[data-id="${id}"] .claim-badge`).textContent()).toMatch(/claimed by you/);
    await loser.goto(`${h.url}/desk`);
    expect(await loser.locator(`tr[data-id="${id}"] .claim-badge`).textContent()).toMatch(
      /taken by reviewer-/,
    );
  });

  it('takes a claim over with the button, announced on both pages without a reload, and audited', async () => {
    const id = await draftedPaper(h, 'Team desk: take-over');
    const a = await tab(h.tokens.reviewer);
    await a.goto(paperUrl(id));
    expect(await notice(a)).toMatch(/You have claimed this paper/);
    const b = await tab(second);
    await b.goto(paperUrl(id));
    expect(await notice(b)).toMatch(/Taken: reviewer-1/);
    const before = b.url();
    await b.click('#take-over-button');
    await expect.poll(() => notice(b)).toMatch(/You have claimed this paper/);
    await expect
      .poll(() => b.locator('#live').textContent())
      .toMatch(/You took this paper over from reviewer-1/);
    expect(b.url()).toBe(before); // no reload
    const audit = await h.p.ctx.store.audit(id);
    expect(audit.at(-1)).toMatchObject({ actor: 'reviewer-2', action: 'took over' });

    // reviewer-1's open page learns of it when it looks again (on a timer, or on coming back to the tab).
    await a.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => a.locator('#live').textContent()).toMatch(/now claimed by reviewer-2/);
    expect(await notice(a)).toMatch(/Taken: reviewer-2/);
  });

  it('lets a claim lapse by itself: the paper shows as free and the next reviewer gets it', async () => {
    const id = await draftedPaper(h, 'Team desk: expiry');
    const a = await tab(h.tokens.reviewer);
    await a.goto(paperUrl(id));
    const b = await tab(second);
    await b.goto(`${h.url}/desk`);
    expect(await b.locator(`tr[data-id="${id}"] .claim-badge`).count()).toBe(1);
    // The claim's key expires in Redis as CLAIM_TTL_MS would make it, only sooner.
    await redisOf(h.p.ctx).pexpire(internalsOf(h.p.ctx.store).keys.claim(id), 1);
    await expect
      .poll(async () => {
        await b.reload();
        return b.locator(`tr[data-id="${id}"] .claim-badge`).count();
      })
      .toBe(0);
    await b.goto(paperUrl(id));
    expect(await notice(b)).toMatch(/You have claimed this paper/);
  });

  it('rejects three papers at once from the queue; the one changed meanwhile is refused with the reason', async () => {
    const ids = [
      await draftedPaper(h, 'Team desk: bulk one'),
      await draftedPaper(h, 'Team desk: bulk two'),
      await draftedPaper(h, 'Team desk: bulk three'),
    ];
    const page = await tab(h.tokens.reviewer);
    await page.goto(`${h.url}/desk?state=pending_review`);
    for (const id of ids) await page.check(`tr[data-id="${id}"] .bulk-pick`);
    expect(await page.locator('#bulk-count').textContent()).toBe('3 selected');
    const stale = ids[1] ?? '';
    await fillPlaceholders(h, stale, 1, second); // reviewer-2 saves version 2 while the queue is open
    await page.selectOption('#bulk-action', 'reject');
    await page.fill('#bulk-text', 'Outside what this site covers.');
    await page.click('#bulk-apply');
    await page.waitForURL(`${h.url}/desk/bulk`);
    expect(await page.locator('.banner').textContent()).toMatch(/2 of 3 rejected; 1 refused/);
    await expect.poll(() => page.locator('#live').textContent()).toMatch(/2 of 3 rejected; 1 refused/);
    expect(await page.locator(`#bulk-results tr[data-id="${stale}"]`).textContent()).toMatch(
      /refused.*version 1, but reviewer-2 saved version 2/,
    );
    for (const id of ids.filter((i) => i !== stale)) {
      expect(await page.locator(`#bulk-results tr[data-id="${id}"]`).getAttribute('data-done')).toBe('yes');
      expect((await h.p.ctx.store.require(id)).state).toBe('rejected');
      expect((await h.p.ctx.store.audit(id)).at(-1)).toMatchObject({
        actor: 'reviewer-1',
        action: 'rejected',
      });
    }
    expect((await h.p.ctx.store.require(stale)).state).toBe('pending_review');
  });

  for (const width of [1280, 390]) {
    it(`fits every desk page in ${width} px, with Sign out in reach`, async () => {
      const id = await draftedPaper(
        h,
        `Team desk: a paper with a long title to wrap at ${width} px, about hip fractures, balance classes and falls in later life`,
      );
      const page = await tab(h.tokens.admin, width);
      const paths = ['/desk', `/desk/papers/${id}`, '/desk/history', '/desk/submit'];
      for (const path of paths) {
        await page.goto(h.url + path);
        const fit = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(fit.scroll, `${path} at ${width} px`).toBeLessThanOrEqual(fit.inner);
        const out = await page.locator('.sign-out button').boundingBox();
        expect(out && out.x + out.width <= width, `Sign out on ${path}`).toBe(true);
      }
      await page.goto(`${h.url}/desk`);
      await page.screenshot({ path: root(`test-results/queue-${width}.png`), fullPage: width < 500 });
      await page.goto(paperUrl(id));
      await page.screenshot({ path: root(`test-results/team-review-${width}.png`) });
      const signedOut = await browser.newPage({ viewport: { width, height: 800 } });
      await signedOut.goto(`${h.url}/login`);
      const login = await signedOut.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(login, `sign-in at ${width} px`).toBe(true);
      await signedOut.close();
    });

    it(`never leaves a focused field under the decision bar at ${width} px`, async () => {
      const id = await draftedPaper(h, `Team desk: focus at ${width} px`);
      const page = await tab(h.tokens.reviewer, width);
      await page.goto(paperUrl(id));
      const fields = await page
        .locator('#edit-form textarea, #edit-form input[type=text], #edit-form select')
        .evaluateAll((els) => els.map((e) => e.id));
      expect(fields).toContain('field-caveats');
      for (const field of fields) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.focus(`#${field}`);
        const seen = await page.evaluate((fieldId) => {
          const el = document.getElementById(fieldId)?.getBoundingClientRect();
          const bar = document.querySelector('.decision-bar')?.getBoundingClientRect();
          if (!el || !bar) return 'missing';
          const barTop = Math.min(bar.top, window.innerHeight);
          return el.top >= 0 && el.bottom <= barTop
            ? 'visible'
            : `hidden: field ${el.top}-${el.bottom}, bar at ${barTop}`;
        }, field);
        expect(seen, `#${field} at ${width} px`).toBe('visible');
      }
      // The bar itself stays compact: never more than half the screen.
      const bar = await page.locator('.decision-bar').boundingBox();
      expect(bar && (width < 700 || bar.height <= 500)).toBe(true);
    });
  }

  it('keeps shortcuts off once switched off, and lists only the keys that work on the queue', async () => {
    await draftedPaper(h, 'Team desk: shortcuts');
    const page = await tab(h.tokens.reviewer);
    await page.goto(`${h.url}/desk?state=pending_review`);
    const listed = await page.locator('.shortcuts kbd').allTextContents();
    expect(listed).toEqual(['j', 'k', 'Enter']);
    await page.uncheck('#shortcuts-on');
    await page.reload();
    expect(await page.isChecked('#shortcuts-on')).toBe(false);
    await page.keyboard.press('j');
    expect(await page.locator('tr.selected').count()).toBe(0);
    await page.check('#shortcuts-on');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    expect(await page.locator('tr.selected').count()).toBe(1);
    // The skip link is the first thing the keyboard reaches, and it goes to the content.
    await page.goto(`${h.url}/desk`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  });

  it('raised no script errors', async () => {
    if (process.env.LAYSUM_UPDATE_DOCS === '1') {
      mkdirSync(root('docs'), { recursive: true });
      copyFileSync(root('test-results/queue-1280.png'), root('docs/queue-1280.png'));
      copyFileSync(root('test-results/queue-390.png'), root('docs/queue-390.png'));
    }
    for (const page of tabs) await page.context().close();
    expect(problems).toEqual([]);
  });
});
