/**
 * `/api/watches` (admins): list with the next poll, add, poll now, pause,
 * resume, remove: the use cases of `laysum watch` and the desk's watches page.
 * A feed URL's user:password is shown as *** in every answer.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Watch } from '../../domain/watch.ts';
import { redactUrlCredentials } from '../../errors/redact.ts';
import { watchScheduler } from '../../queue/schedules.ts';
import * as manage from '../../watch/manage.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { parseWith, readJson } from './body.ts';

const AddBody = z.object({ kind: z.string(), target: z.string(), every: z.string().default('6h') }).strict();

const shown = (w: Watch): Watch => ({ ...w, target: redactUrlCredentials(w.target) });

export function watchesApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const wd: manage.WatchDeps = {
    watches: deps.watches,
    scheduler: watchScheduler(deps.queues, deps.config),
    allowPrivate: deps.config.fetch.allowPrivate,
  };
  app.use('*', requirePermission('admin'));
  app.get('/', async (c) => c.json({ watches: await manage.listWatches(wd) }));
  app.post('/', limitBody(16 * 1024), async (c) => {
    const user = currentUser(c);
    const body = parseWith(AddBody, await readJson(c), 'watch');
    const watch = await manage.addWatch(wd, { ...body, by: `api:${user.name}` });
    return c.json(shown(watch), 201);
  });
  app.post('/:id/run', async (c) => {
    const id = c.req.param('id');
    await manage.requestPoll(wd, id);
    return c.json({ id, queued: true }, 202);
  });
  app.post('/:id/pause', async (c) => c.json(shown(await manage.pauseWatch(wd, c.req.param('id')))));
  app.post('/:id/resume', async (c) => c.json(shown(await manage.resumeWatch(wd, c.req.param('id')))));
  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    await manage.removeWatch(wd, id);
    return c.json({ id, removed: true });
  });
  return app;
}
