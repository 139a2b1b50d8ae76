/** `GET /api/mine`: the caller's own submissions with their states, newest first, a page at a time (as /desk/mine). */
import { Hono } from 'hono';
import { mySubmissions } from '../../intake/mine.ts';
import { parsePage } from '../../review/queries.ts';
import { currentUser, requirePermission } from '../auth.ts';
import type { AppDeps, AppEnv } from '../types.ts';

export function mineApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requirePermission('read'), async (c) => {
    const user = currentUser(c);
    const { page, limit } = parsePage(c.req.query());
    // Only the desk's page counts as a visit: an API client polling must not reset "changed".
    const mine = await mySubmissions(deps.store, user.name, {
      limit,
      offset: (page - 1) * limit,
      markVisit: false,
    });
    return c.json({
      submissions: mine.rows.map(({ changed: _, ...row }) => row),
      total: mine.total,
      page,
      limit,
      pages: Math.max(1, Math.ceil(mine.total / limit)),
    });
  });
  return app;
}
