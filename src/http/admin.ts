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
import { page } from './web/routes/render.tsx';
import { UsageBody } from './web/views/usage.tsx';

export const DASHBOARD_PATH = '/admin/queues';

export const USAGE_PATH = '/admin/usage';

/** Admins only: a browser without a session is sent to sign in first. */
function adminOnly(deps: AppDeps, path: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', identify(deps, { bearer: true, cookie: true }));
  app.use('*', async (c, next) => {
    const user = c.get('user');
    const browser = (c.req.header('accept') ?? '').includes('text/html');
    if (!user && c.req.method === 'GET' && browser)
      return c.redirect(`/login?next=${encodeURIComponent(path)}`, 303);
    assertCan(user, 'admin', browser);
    await next();
  });
  app.use('*', sameOriginWrites());
  return app;
}

/** LLM calls, tokens, cost per day and model against the budgets, and any pause (src/store/usage-report.ts). */
export function usageDashboard(deps: AppDeps): Hono<AppEnv> {
  const app = adminOnly(deps, USAGE_PATH);
  app.get('/', async (c) => {
    const report = await deps.fleet.usageReport(30);
    const [paused] = report.notices;
    return page(c, 'LLM usage', UsageBody({ report }), {
      banner: paused ? { kind: 'info', text: paused.message } : null,
    });
  });
  return app;
}

export function dashboard(deps: AppDeps): Hono<AppEnv> {
  const app = adminOnly(deps, DASHBOARD_PATH);
  const adapter = new HonoAdapter(serveStatic).setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(deps.queues).map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: {
      uiConfig: { boardTitle: 'LaySum queues', miscLinks: [{ text: 'LLM usage', url: USAGE_PATH }] },
    },
  });
  app.route('/', adapter.registerPlugin());
  return app;
}
