/**
 * `/api/watches` (admins): list with the next poll, add, poll now, pause,
 * resume, remove: the use cases of `laysum watch` and the desk's watches page.
 * A feed URL's user:password is shown as *** in every answer.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Watch } from '../../domain/watch.ts';
import { redactUrlCredentials } from '../../errors/redact.ts';
import { watchScheduler } from '../../queue/schedules.ts';
import * as manage from '../../watch/manage.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { apiRouter, invalid, jsonBody } from './route-kit.ts';
import { addWatch, listWatches, pauseWatch, removeWatch, resumeWatch, runWatch } from './watches-routes.ts';

const shown = (w: Watch): Watch => ({ ...w, target: redactUrlCredentials(w.target) });

export function watchesApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const wd: manage.WatchDeps = {
    watches: deps.watches,
    scheduler: watchScheduler(deps.queues, deps.config),
    allowPrivate: deps.config.fetch.allowPrivate,
  };
  app.use('*', requirePermission('admin'));
  app.openapi(listWatches, async (c) => c.json({ watches: await manage.listWatches(wd) }, 200));
  app.openapi(
    { ...addWatch, middleware: [limitBody(16 * 1024), jsonBody()] },
    async (c) => {
      const user = currentUser(c);
      const watch = await manage.addWatch(wd, { ...c.req.valid('json'), by: `api:${user.name}` });
      return c.json(shown(watch), 201);
    },
    invalid('watch'),
  );
  app.openapi(runWatch, async (c) => {
    const { id } = c.req.valid('param');
    await manage.requestPoll(wd, id);
    return c.json({ id, queued: true }, 202);
  });
  app.openapi(pauseWatch, async (c) =>
    c.json(shown(await manage.pauseWatch(wd, c.req.valid('param').id)), 200),
  );
  app.openapi(resumeWatch, async (c) =>
    c.json(shown(await manage.resumeWatch(wd, c.req.valid('param').id)), 200),
  );
  app.openapi(removeWatch, async (c) => {
    const { id } = c.req.valid('param');
    await manage.removeWatch(wd, id);
    return c.json({ id, removed: true }, 200);
  });
  return app;
}
