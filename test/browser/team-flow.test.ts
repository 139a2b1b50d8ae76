/**
 * A day's team flow on the desk, in real headless Chromium: an approval is
 * withdrawn without editing; a disabled Approve looks disabled; after Save the
 * focus is back on the form; revoking an account asks first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedPaper, type HttpHarness, reviewedPaper, startHttp } from '../http/support.ts';
import { CHROMIUM, hasChromium, launchChromium, signedIn } from './support.ts';

describe.skipIf(!hasChromium)(`team flow in Chromium (${CHROMIUM})`, () => {
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

  it('withdraws an approval without editing: back to review at the same version', async () => {
    const id = await reviewedPaper(h, 'Team flow: an approval withdrawn');
    const res = await h.call(`/api/drafts/${id}/approve`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 2 },
    });
    expect(res.status).toBe(200);
    const page = await signedIn(browser, h.url, h.tokens.reviewer);
    await page.goto(`${h.url}/desk/papers/${id}`);
    expect(await page.locator('#withdraw-approval-button').textContent()).toMatch(
      /Withdraw approval of version 2/,
    );
    await page.click('#withdraw-approval-button');
    await expect.poll(() => page.locator('#paper-state').textContent()).toMatch(/pending review/);
    const paper = await h.p.ctx.store.require(id);
    expect(paper.state).toBe('pending_review');
    expect(paper.approval).toBeNull();
    expect(paper.draftCount).toBe(2);
    expect((await h.p.ctx.store.audit(id)).at(-1)).toMatchObject({ action: 'approval withdrawn' });
    await page.context().close();
  });

  it('shows a disabled Approve as disabled, and keeps the focus on the form after Save', async () => {
    // The offline draft has fields marked "Reviewer to write": Approve is disabled until they are written.
    const id = await draftedPaper(h, 'Team flow: disabled approve and focus after save');
    const page = await signedIn(browser, h.url, h.tokens.reviewer);
    await page.goto(`${h.url}/desk/papers/${id}`);
    const approve = page.locator('#approve-button');
    expect(await approve.isDisabled()).toBe(true);
    const look = await approve.evaluate((b) => {
      const s = getComputedStyle(b);
      return { cursor: s.cursor, background: s.backgroundColor, color: s.color };
    });
    expect(look.cursor).toBe('not-allowed');
    // Grey, not the accent blue (#0a5bb5) of a primary button that can be pressed.
    expect(look.background).not.toBe('rgb(10, 91, 181)');
    expect(look.background).toBe('rgb(233, 233, 236)');

    await page.fill('#field-headline', 'Balance classes and fewer broken hips');
    await page.click('#edit-form button[type=submit]');
    await page.waitForURL(`**/desk/papers/${id}?done=saved`);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#edit-form')))).toBe(true);
    await page.context().close();
  });

  it('asks before revoking an account, and revokes only when the admin agrees', async () => {
    await h.deps.users.add('leaving-editor', 'editor');
    const page = await signedIn(browser, h.url, h.tokens.admin);
    await page.goto(`${h.url}/desk/admin/users`);
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.click('tr[data-user="leaving-editor"] button.danger');
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/Revoke leaving-editor\?/);
    expect(await h.deps.users.get('leaving-editor')).not.toBeNull();
    page.once('dialog', (d) => void d.accept());
    await page.click('tr[data-user="leaving-editor"] button.danger');
    await expect.poll(async () => h.deps.users.get('leaving-editor')).toBeNull();
    await page.context().close();
  });
});
