/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for admins only. It is
 * an operator's tool (retry, clean, inspect jobs), not the editorial review:
 * that is the desk. Its own fetch() writes are refused unless same-origin.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { assertCan, identify } from './auth.ts';
import { sameOriginWrites } from './csrf.ts';
import type { AppDeps, AppEnv } from './types.ts';

export const DASHBOARD_PATH = '/admin/queues';

export function dashboard(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', identify(deps, { bearer: true, cookie: true }));
  app.use('*', async (c, next) => {
    const user = c.get('user');
    const browser = (c.req.header('accept') ?? '').includes('text/html');
    if (!user && c.req.method === 'GET' && browser)
      return c.redirect(`/login?next=${encodeURIComponent(DASHBOARD_PATH)}`, 303);
    assertCan(user, 'admin', browser);
    await next();
  });
  app.use('*', sameOriginWrites());
  const adapter = new HonoAdapter(serveStatic).setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(deps.queues).map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'LaySum queues' } },
  });
  app.route('/', adapter.registerPlugin());
  return app;
}
