/** The JSON API under /api: bearer tokens only, JSON errors, described at /api/openapi.json. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { identify } from '../auth.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { apiDocument } from './document.ts';
import { draftsApi } from './drafts.ts';
import { mineApi } from './mine.ts';
import { papersApi } from './papers.ts';
import { apiRouter } from './route-kit.ts';
import { usersApi } from './users.ts';
import { watchesApi } from './watches.ts';
import { webhooksApi } from './webhooks.ts';

export function api(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  let document: unknown;
  app.get('/openapi.json', (c) => {
    document ??= apiDocument(app);
    return c.json(document);
  });
  app.use('*', identify(deps, { bearer: true, cookie: false }));
  app.route('/papers', papersApi(deps));
  app.route('/drafts', draftsApi(deps));
  app.route('/mine', mineApi(deps));
  app.route('/watches', watchesApi(deps));
  app.route('/users', usersApi(deps));
  app.route('/webhooks', webhooksApi(deps));
  // The app's own not-found answer: a 405 with Allow when the path takes another method (../app.tsx).
  app.all('*', (c) => c.notFound());
  return app;
}
