/**
 * The desk's claim posts: take over (or claim) a paper and release it. Sent
 * by the desk's script with fetch they answer JSON (the new notice and a
 * sentence for the live region); sent by a browser without script they
 * redirect back, as every desk form does. GET …/claim answers the current
 * notice, so an open review page learns that someone took the paper over.
 */
import type { Context, Hono } from 'hono';
import { claimPaper, releaseClaim } from '../../../review/claims.ts';
import { reviewDeps } from '../../../review/deps.ts';
import { resolvePaperId } from '../../../review/queries.ts';
import { MEGABYTE } from '../../../text/bytes.ts';
import type { User } from '../../../users/store.ts';
import { assertCan } from '../../auth.ts';
import { limitBody } from '../../middleware.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { ClaimNotice, claimForPage } from '../views/claim-notice.tsx';
import { when } from '../views/format.ts';
import { guardedForm, wantsJson } from './form-guard.ts';

async function noticeJson(c: Context<AppEnv>, deps: AppDeps, id: string, user: User, message: string) {
  const paper = await deps.store.require(id);
  const view = await claimForPage(reviewDeps(deps), id, user, paper.state, { claim: false });
  const html = await (
    <ClaimNotice paperId={id} view={view} csrf={c.get('session')?.csrf ?? null} />
  ).toString();
  return c.json({ message, by: view.claim?.by ?? null, notice: html });
}

export function claimRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/papers/:id/claim', async (c) => {
    const user = assertCan(c.get('user'), 'read', true);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    return noticeJson(c, deps, id, user, '');
  });
  // The review page's script renews the reviewer's claim while they work (typing), never taking it from anyone.
  app.post('/papers/:id/claim', limitBody(MEGABYTE), async (c) => {
    const { user } = await guardedForm(c, 'review');
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const result = await claimPaper(reviewDeps(deps), id, user.name);
    const message = result.outcome === 'held' ? `This paper is now claimed by ${result.claim.by}.` : '';
    return noticeJson(c, deps, id, user, message);
  });
  app.post('/papers/:id/take-over', limitBody(MEGABYTE), async (c) => {
    const { user } = await guardedForm(c, 'review');
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const result = await claimPaper(reviewDeps(deps), id, user.name, { takeOver: true });
    const message = result.previous
      ? `You took this paper over from ${result.previous.by} (their claim since ${when(result.previous.since)}).`
      : 'You have claimed this paper.';
    if (wantsJson(c)) return noticeJson(c, deps, id, user, message);
    return c.redirect(`/desk/papers/${encodeURIComponent(id)}?done=take-over`, 303);
  });
  app.post('/papers/:id/release', limitBody(MEGABYTE), async (c) => {
    const { user } = await guardedForm(c, 'review');
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const released = await releaseClaim(reviewDeps(deps), id, user.name);
    const message = released ? 'Released: others see this paper as free.' : 'You had no claim on this paper.';
    if (wantsJson(c)) return noticeJson(c, deps, id, user, message);
    // Opening the page again would claim it again: back to the queue.
    return c.redirect('/desk', 303);
  });
}
