/**
 * The review API: list and read drafts, edit fields against the version the
 * caller saw (409 when stale), and the decisions (approve, reject,
 * request-changes, publish: each with the `basedOn` version; unpublish,
 * reopen, retry), claims (who is working on a paper) and bulk decisions.
 * The routes' shapes are in ./drafts-routes.ts.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { ACTION_TEXT, reviewDeps, runAction, saveEdit } from '../../review/actions.ts';
import { runBulk } from '../../review/bulk.ts';
import { claimOf, releaseClaim, requireClaim } from '../../review/claims.ts';
import { findDrafts, parseFilter, resolvePaperId } from '../../review/queries.ts';
import { paperView } from '../../review/view.ts';
import { MEGABYTE } from '../../text/bytes.ts';
import { assertCan, currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import { ACTION_PERMISSION } from '../permissions.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import {
  actionRoutes,
  bulkDecide,
  editDraft,
  getClaim,
  getDraft,
  listDrafts,
  releaseClaimRoute,
  takeClaim,
} from './drafts-routes.ts';
import { apiRouter, invalid, jsonBody } from './route-kit.ts';

export function draftsApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const review = reviewDeps(deps);
  app.openapi({ ...listDrafts, middleware: requirePermission('read') }, async (c) =>
    c.json(await findDrafts(deps.store, parseFilter(c.req.valid('query'))), 200),
  );
  app.openapi({ ...getDraft, middleware: requirePermission('read') }, async (c) => {
    const id = await resolvePaperId(deps.store, c.req.valid('param').id);
    const [view, claim] = await Promise.all([paperView(deps.store, id), claimOf(review, id)]);
    return c.json({ ...view, claim }, 200);
  });
  claimRoutes(app, deps);
  app.openapi(
    { ...bulkDecide, middleware: [requirePermission('review'), limitBody(MEGABYTE), jsonBody()] },
    async (c) => {
      const user = currentUser(c);
      const body = c.req.valid('json');
      const field = ACTION_TEXT[body.action];
      const text = field ? body[field] : undefined;
      if (body.action === 'publish') assertCan(user, 'publish');
      const results = await runBulk(review, body.action, body.items, user.name, text);
      const done = results.filter((r) => r.done).length;
      return c.json({ action: body.action, done, refused: results.length - done, results }, 200);
    },
    invalid('bulk request'),
  );
  app.openapi(
    { ...editDraft, middleware: [requirePermission('review'), limitBody(MEGABYTE), jsonBody()] },
    async (c) => {
      const user = currentUser(c);
      const id = await resolvePaperId(deps.store, c.req.valid('param').id);
      const body = c.req.valid('json');
      const draft = await saveEdit(review, id, user.name, body.basedOn, body.changes);
      return c.json({ id, version: draft.version, draft }, 200);
    },
    invalid('edit'),
  );
  for (const { action, route } of actionRoutes) {
    app.openapi(
      { ...route, middleware: [limitBody(MEGABYTE), jsonBody({ optional: true })] },
      async (c) => {
        const user = assertCan(c.get('user'), ACTION_PERMISSION[action]);
        const id = await resolvePaperId(deps.store, c.req.valid('param').id);
        const body = c.req.valid('json');
        const field = ACTION_TEXT[action];
        await runAction(review, action, id, user.name, {
          basedOn: body.basedOn,
          text: field ? body[field] : undefined,
        });
        const paper = await deps.store.require(id);
        return c.json({ id, state: paper.state, reason: paper.reason }, 200);
      },
      invalid(`${action} request`),
    );
  }
  return app;
}

/** A paper's claim: read it, claim it (or take it over), give it back. */
function claimRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const review = reviewDeps(deps);
  app.openapi({ ...getClaim, middleware: requirePermission('read') }, async (c) => {
    const id = await resolvePaperId(deps.store, c.req.valid('param').id);
    return c.json({ id, claim: await claimOf(review, id) }, 200);
  });
  app.openapi(
    {
      ...takeClaim,
      middleware: [requirePermission('review'), limitBody(16 * 1024), jsonBody({ optional: true })],
    },
    async (c) => {
      const user = currentUser(c);
      const id = await resolvePaperId(deps.store, c.req.valid('param').id);
      const takeOver = c.req.valid('json').takeOver === true;
      const { outcome, ...claim } = await requireClaim(review, id, user.name, takeOver);
      // requireClaim throws (409) when another reviewer holds the claim: 'held' never reaches here.
      return c.json({ id, outcome: outcome as Exclude<typeof outcome, 'held'>, ...claim }, 200);
    },
    invalid('claim request'),
  );
  app.openapi({ ...releaseClaimRoute, middleware: requirePermission('review') }, async (c) => {
    const user = currentUser(c);
    const id = await resolvePaperId(deps.store, c.req.valid('param').id);
    return c.json({ id, released: await releaseClaim(review, id, user.name) }, 200);
  });
}
