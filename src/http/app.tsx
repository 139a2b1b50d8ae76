/**
 * The LaySum web app, built by a function (the server only listens): the
 * JSON API (/api), the review desk (/desk, /login), the published site (/,
 * /s/:slug, feeds) and the admin queue dashboard (/admin/queues).
 */
import { type Context, Hono } from 'hono';
import { DASHBOARD_PATH, dashboard, USAGE_PATH, usageDashboard } from './admin.ts';
import { api } from './api/index.ts';
import { identify } from './auth.ts';
import { errorBody, HttpError, statusOf } from './errors.ts';
import { evictionAlert, healthRoutes, storeAway, whileRedisAway } from './health.ts';
import { allowedMethods } from './methods.ts';
import { metricsRoute } from './metrics.ts';
import { adminHeaders, deskHeaders, noStore, publicHeaders, requestIdOf, requestLog } from './middleware.ts';
import { problem } from './problem.ts';
import { httpMetrics } from './process-metrics.ts';
import { publishedSite } from './published.ts';
import { notFoundPage } from './site/views/notices.tsx';
import type { AppDeps, AppEnv } from './types.ts';
import { ASSETS_PATH } from './web/assets/bundles.ts';
import { adminPages } from './web/routes/admin-pages.tsx';
import { assetRoutes } from './web/routes/assets.ts';
import { desk } from './web/routes/desk.tsx';
import { editorPages } from './web/routes/editor-pages.tsx';
import { oidcPages } from './web/routes/oidc.tsx';
import { page } from './web/routes/render.tsx';
import { resetPages } from './web/routes/reset.tsx';
import { signIn } from './web/routes/sign-in.tsx';
import { ErrorBody } from './web/views/pages.tsx';
import { WORKER_NOTICE_PATHS, workerNotice } from './worker-status.ts';

function wantsHtml(c: Context<AppEnv>): boolean {
  return !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', httpMetrics());
  app.use('*', requestLog(deps.log, deps.config.http.trustProxy));
  for (const path of [
    '/api/*',
    '/desk',
    '/desk/*',
    '/login',
    '/login/*',
    '/logout',
    '/admin/*',
    '/healthz',
    '/readyz',
  ])
    app.use(path, noStore());
  healthRoutes(app, deps);
  app.route('/metrics', metricsRoute(deps));
  // Browsers ask for it on every page; an empty answer keeps 404s out of their consoles.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  // The desk's script and stylesheet need no Redis: served even while it is away.
  app.route(ASSETS_PATH, assetRoutes());
  app.use('*', whileRedisAway(deps));
  app.use('*', evictionAlert(deps));

  app.use('/api/*', publicHeaders());
  app.route('/api', api(deps));

  app.use('/admin/*', adminHeaders());
  app.route(DASHBOARD_PATH, dashboard(deps));
  app.route(USAGE_PATH, usageDashboard(deps));

  for (const path of ['/desk', '/desk/*', '/login', '/login/*', '/logout']) {
    app.use(path, deskHeaders(), identify(deps, { bearer: false, cookie: true }));
  }
  for (const path of WORKER_NOTICE_PATHS) app.use(path, workerNotice(deps));
  app.route('/desk', desk(deps));
  app.route('/desk', editorPages(deps));
  app.route('/desk', adminPages(deps));
  app.route('/', signIn(deps));
  app.route('/', resetPages(deps));
  app.route('/', oidcPages(deps));

  app.use('*', publicHeaders());
  app.route('/', publishedSite(deps));

  app.notFound((c) => {
    const body = c.req.path.startsWith('/api/')
      ? {
          error: `No API route ${c.req.method} ${c.req.path}.`,
          hint: 'See /api/openapi.json for the routes.',
        }
      : {
          error: `Nothing at ${c.req.path}.`,
          hint: 'The desk is at /desk; the API is described at /api/openapi.json.',
        };
    if (!wantsHtml(c)) {
      const allow = allowedMethods(app, c.req.path);
      if (allow.length > 0) {
        c.header('Allow', allow.join(', '));
        return problem(
          c,
          { error: `${c.req.method} is not allowed at ${c.req.path}.`, hint: `Use ${allow.join(' or ')}.` },
          405,
        );
      }
      return problem(c, body, 404);
    }
    // A public address (not the desk's): the published site's own page, as /s/<unknown> answers.
    if (!/^\/(desk|admin|login|reset|oidc)(\/|$)/.test(c.req.path)) {
      const { publicBaseUrl: baseUrl, disclaimer } = deps.config.http;
      return c.html(notFoundPage({ baseUrl, disclaimer }), 404);
    }
    return page(c, 'Not found', <ErrorBody status={404} />, {
      status: 404,
      banner: { kind: 'error', text: body.error, hint: body.hint },
    });
  });
  app.onError(async (caught, c) => {
    // A command that met a store's connection as it went down: the 503 that names it (Redis's is logged by its watcher).
    const err = (await storeAway(deps, caught)) ?? caught;
    const status = statusOf(err);
    if (err instanceof HttpError && err.retryAfterSeconds !== undefined)
      c.header('Retry-After', String(err.retryAfterSeconds));
    if (status === 500) {
      const { method, path } = c.req;
      const requestId = requestIdOf(c.req.raw);
      deps.log.error({ err, method, path, requestId }, `${method} ${path}: unexpected error: ${err.message}`);
    }
    const body = errorBody(err);
    if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="LaySum"');
    if (!wantsHtml(c)) return problem(c, body, status);
    return page(c, body.error, <ErrorBody status={status} />, {
      status,
      banner: { kind: 'error', text: body.error, hint: body.hint },
    });
  });
  return app;
}
