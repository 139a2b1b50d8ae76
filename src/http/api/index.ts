/** The JSON API under /api: bearer tokens only, JSON errors, described at /api/openapi.json. */
import { Hono } from 'hono';
import { identify } from '../auth.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { draftsApi } from './drafts.ts';
import { mineApi } from './mine.ts';
import { openApiDocument } from './openapi.ts';
import { papersApi } from './papers.ts';
import { usersApi } from './users.ts';
import { watchesApi } from './watches.ts';
import { webhooksApi } from './webhooks.ts';

export function api(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
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
