/**
 * The review API: list and read drafts, edit fields against the version the
 * caller saw (409 when stale), and the decisions (approve, reject,
 * request-changes, publish: each with the `basedOn` version; unpublish,
 * reopen, retry), claims (who is working on a paper) and bulk decisions.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { LaySummary } from '../../domain/summary.ts';
import {
  ACTION_TEXT,
  ACTIONS,
  type Action,
  type ActionInput,
  reviewDeps,
  runAction,
  saveEdit,
} from '../../review/actions.ts';
import { BULK_ACTIONS, BULK_MAX, runBulk } from '../../review/bulk.ts';
import { claimOf, releaseClaim, requireClaim } from '../../review/claims.ts';
import { findDrafts, parseFilter, resolvePaperId } from '../../review/queries.ts';
import { paperView } from '../../review/view.ts';
import { MEGABYTE } from '../../text/bytes.ts';
import { assertCan, currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import { ACTION_PERMISSION } from '../permissions.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { parseJsonText, parseWith, readJson } from './body.ts';

const EditBody = z.object({
  basedOn: z.number().int().positive(),
  changes: LaySummary.partial()
    .strict()
    .refine((c) => Object.keys(c).length > 0, 'give at least one field to change'),
});

const ActionBody = z
  .object({
    basedOn: z.number().int().positive().optional(),
    note: z.string().optional(),
    reason: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict();

const ClaimBody = z.object({ takeOver: z.boolean().optional() }).strict();

const BulkBody = z
  .object({
    action: z.enum(BULK_ACTIONS),
    items: z
      .array(z.object({ id: z.string().min(1), basedOn: z.number().int().positive() }).strict())
      .min(1)
      .max(BULK_MAX),
    note: z.string().optional(),
    reason: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict();

export function draftsApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requirePermission('read'), async (c) =>
    c.json(await findDrafts(deps.store, parseFilter(c.req.query()))),
  );
  app.get('/:id', requirePermission('read'), async (c) => {
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const [view, claim] = await Promise.all([paperView(deps.store, id), claimOf(reviewDeps(deps), id)]);
    return c.json({ ...view, claim });
  });
  claimRoutes(app, deps);
  app.post('/bulk', requirePermission('review'), limitBody(MEGABYTE), async (c) => {
    const user = currentUser(c);
    const body = parseWith(BulkBody, await readJson(c), 'bulk request');
    const field = ACTION_TEXT[body.action];
    const text = field ? body[field] : undefined;
    if (body.action === 'publish') assertCan(user, 'publish');
    const results = await runBulk(reviewDeps(deps), body.action, body.items, user.name, text);
    const done = results.filter((r) => r.done).length;
    return c.json({ action: body.action, done, refused: results.length - done, results });
  });
  app.patch('/:id', requirePermission('review'), limitBody(MEGABYTE), async (c) => {
    const user = currentUser(c);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const body = parseWith(EditBody, await readJson(c), 'edit');
    const draft = await saveEdit(reviewDeps(deps), id, user.name, body.basedOn, body.changes);
    return c.json({ id, version: draft.version, draft });
  });
  for (const action of ACTIONS) {
    app.post(`/:id/${action}`, limitBody(MEGABYTE), async (c) => {
      const user = assertCan(c.get('user'), ACTION_PERMISSION[action]);
      const id = await resolvePaperId(deps.store, c.req.param('id'));
      await runAction(reviewDeps(deps), action, id, user.name, await actionInput(c.req.raw, action));
      const paper = await deps.store.require(id);
      return c.json({ id, state: paper.state, reason: paper.reason });
    });
  }
  return app;
}

/** A paper's claim: read it, claim it (or take it over), give it back. */
function claimRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/:id/claim', requirePermission('read'), async (c) => {
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    return c.json({ id, claim: await claimOf(reviewDeps(deps), id) });
  });
  app.post('/:id/claim', requirePermission('review'), limitBody(16 * 1024), async (c) => {
    const user = currentUser(c);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    const raw = await c.req.text();
    const body = raw.trim() ? parseWith(ClaimBody, parseJsonText(raw), 'claim request') : {};
    const result = await requireClaim(reviewDeps(deps), id, user.name, body.takeOver === true);
    return c.json({ id, ...result });
  });
  app.delete('/:id/claim', requirePermission('review'), async (c) => {
    const user = currentUser(c);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    return c.json({ id, released: await releaseClaim(reviewDeps(deps), id, user.name) });
  });
}

/** The version and text field from the JSON body (retry and reopen may send none). */
async function actionInput(req: Request, action: Action): Promise<ActionInput> {
  const raw = await req.text();
  if (!raw.trim()) return {};
  const body = parseWith(ActionBody, parseJsonText(raw), `${action} request`);
  const field = ACTION_TEXT[action];
  return { basedOn: body.basedOn, text: field ? body[field] : undefined };
}
