/**
 * The review desk under /desk: queue, review and history pages, and
 * the form posts behind them. Every post is checked in this order: signed in
 * (401), CSRF token (403), role (403). A refused edit or decision re-renders
 * the review page with the message and the reviewer's text kept.
 */
import { type Context, Hono } from 'hono';
import { ConflictError } from '../../../errors/conflict-error.ts';
import type { LaySumError } from '../../../errors/laysum-error.ts';
import {
  ACTION_TEXT,
  ACTIONS,
  type Action,
  reviewDeps,
  runAction,
  saveEdit,
} from '../../../review/actions.ts';
import { EDITABLE_STATES } from '../../../review/edit.ts';
import { historyPage } from '../../../review/history.ts';
import { findDrafts, parseFilter, resolvePaperId } from '../../../review/queries.ts';
import { MEGABYTE } from '../../../text/bytes.ts';
import { assertCan } from '../../auth.ts';
import { statusOf } from '../../errors.ts';
import { limitBody } from '../../middleware.ts';
import { ACTION_PERMISSION } from '../../permissions.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import type { FormValues } from '../views/form-values.ts';
import { HistoryBody, historyFilter } from '../views/history.tsx';
import { QueueBody } from '../views/queue.tsx';
import { bulkRoute } from './bulk.tsx';
import { claimRoutes } from './claim.tsx';
import { basedOnOf, changesFrom, valuesFromBody } from './edit-form.ts';
import { bannerFor, type Form, fixable, guardedForm } from './form-guard.ts';
import { liveRoutes } from './live.ts';
import { previewPage } from './preview.ts';
import { DONE_MESSAGES, page, reviewPage } from './render.tsx';
import { queueTeam } from './team.ts';

const paperPath = (id: string, done?: string) =>
  `/desk/papers/${encodeURIComponent(id)}${done ? `?done=${done}` : ''}`;

/** The `basedOn` version a decision form carries (the version shown when the page was rendered). */
function formVersion(body: Form): number | undefined {
  const raw = body.basedOn;
  const n = typeof raw === 'string' ? Number(raw) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function desk(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    // A signed-out browser asking for a page is sent to sign in, then back.
    if (!c.get('user') && c.req.method === 'GET') {
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    await next();
  });
  app.get('/', async (c) => {
    assertCan(c.get('user'), 'read', true);
    const filter = parseFilter(c.req.query());
    const list = await findDrafts(deps.store, filter);
    const team = await queueTeam(c, deps, list.drafts);
    // Summarizing paused (a 429, a spent budget): new drafts are late, and the desk says why.
    const [paused] = await deps.fleet.notices();
    return page(c, 'Queue', <QueueBody list={list} filter={filter} team={team} />, {
      banner: paused ? { kind: 'info', text: paused.message } : null,
    });
  });
  app.get('/history', async (c) => {
    assertCan(c.get('user'), 'read', true);
    const filter = historyFilter(c.req.query());
    const history = await historyPage(deps.store, filter);
    return page(c, 'History', <HistoryBody page={history} filter={filter} />);
  });
  app.get('/papers/:id', async (c) => {
    assertCan(c.get('user'), 'read', true);
    const asked = c.req.param('id');
    const id = await resolvePaperId(deps.store, asked);
    if (id !== asked) return c.redirect(paperPath(id), 303);
    const done = c.req.query('done');
    const message = done ? DONE_MESSAGES[done] : undefined;
    const from = Number(c.req.query('from'));
    return reviewPage(c, deps, id, {
      banner: message ? { kind: 'info', text: message } : null,
      from: Number.isInteger(from) ? from : null,
      // A page refreshing itself (./assets/live.js) only reads the claim: opening the page made it.
      claim: c.req.header('x-laysum-live') !== '1',
    });
  });
  app.get('/papers/:id/preview', async (c) => {
    assertCan(c.get('user'), 'read', true);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const html = await previewPage(deps, id);
    if (!html) return c.redirect(paperPath(id), 303);
    return c.html(html);
  });
  claimRoutes(app, deps);
  liveRoutes(app, deps);
  bulkRoute(app, deps);
  editRoute(app, deps);
  for (const action of ACTIONS) actionRoute(app, deps, action);
  return app;
}

function editRoute(app: Hono<AppEnv>, deps: AppDeps): void {
  app.post('/papers/:id/edit', limitBody(MEGABYTE), async (c) => {
    const { user, body } = await guardedForm(c, 'review');
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const values = valuesFromBody(body);
    let saved: number;
    try {
      const basedOn = basedOnOf(values);
      const base = (await deps.store.drafts(id)).find((d) => d.version === basedOn);
      const changes = base ? changesFrom(base.summary, values) : {};
      saved = (await saveEdit(reviewDeps(deps), id, user.name, basedOn, changes)).version;
    } catch (err) {
      if (!fixable(err)) throw err;
      return refusedEdit(c, deps, id, err, values);
    }
    if (body.then !== 'approve') return c.redirect(paperPath(id, 'saved'), 303);
    // "Save and approve": the reviewer approves exactly the text they just saved (and the page shows it if refused).
    try {
      const note = typeof body.note === 'string' ? body.note : undefined;
      await runAction(reviewDeps(deps), 'approve', id, user.name, { basedOn: saved, text: note });
    } catch (err) {
      if (!fixable(err)) throw err;
      return reviewPage(c, deps, id, { status: statusOf(err), banner: bannerFor(err), seen: saved });
    }
    return c.redirect(paperPath(id, 'approve'), 303);
  });
}

/**
 * A refused save. Typing on the version the page still shows stays in the
 * form (marked unsaved, so Approve asks to save it first). Typing on an older
 * version, or on a paper that left review, never sits in a form under a newer
 * version's decision buttons: the form shows the current version, what changed
 * since is shown first, and the typing waits beside it to be re-applied.
 */
async function refusedEdit(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  err: LaySumError,
  values: FormValues,
) {
  const [paper, latest] = await Promise.all([deps.store.require(id), deps.store.latestDraft(id)]);
  const basedOn = Number(values.basedOn);
  const editable = (EDITABLE_STATES as readonly string[]).includes(paper.state);
  const banner = bannerFor(err);
  const status = statusOf(err);
  if (err instanceof ConflictError || !editable || !latest || latest.version !== basedOn) {
    const typedOn = Number.isInteger(basedOn) && basedOn > 0 ? basedOn : (latest?.version ?? 1);
    return reviewPage(c, deps, id, { status, banner, unsaved: { basedOn: typedOn, values }, seen: typedOn });
  }
  return reviewPage(c, deps, id, { status, banner, values });
}

function actionRoute(app: Hono<AppEnv>, deps: AppDeps, action: Action): void {
  app.post(`/papers/:id/${action}`, limitBody(MEGABYTE), async (c) => {
    const { user, body } = await guardedForm(c, ACTION_PERMISSION[action]);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const field = ACTION_TEXT[action];
    const text = field && typeof body[field] === 'string' ? (body[field] as string) : undefined;
    const basedOn = formVersion(body);
    try {
      await runAction(reviewDeps(deps), action, id, user.name, { basedOn, text });
    } catch (err) {
      if (!fixable(err)) throw err;
      // A stale decision: the page answered shows the current version and what changed since the one decided on.
      const seen = err instanceof ConflictError ? (basedOn ?? null) : null;
      return reviewPage(c, deps, id, { status: statusOf(err), banner: bannerFor(err), seen });
    }
    return c.redirect(paperPath(id, action), 303);
  });
}
