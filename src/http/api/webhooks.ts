/**
 * `/api/webhooks` (admins): list hooks with their last deliveries, register
 * one (its signing secret in that answer only, never listed or logged),
 * remove one. The same calls as `laysum webhooks` and the desk's page.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { addWebhook, listWebhooks, removeWebhook } from '../../webhooks/manage.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { parseWith, readJson } from './body.ts';

const AddBody = z
  .object({ url: z.string(), events: z.union([z.string(), z.array(z.string())]).optional() })
  .strict();

export function webhooksApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('admin'));
  app.get('/', async (c) => c.json({ webhooks: await listWebhooks(deps.webhooks) }));
  app.post('/', limitBody(16 * 1024), async (c) => {
    const body = parseWith(AddBody, await readJson(c), 'webhook');
    const by = `api:${currentUser(c).name}`;
    const { hook, secret } = await addWebhook(deps.webhooks, { ...body, by }, deps.config.fetch.allowPrivate);
    return c.json({ ...hook, secret }, 201);
  });
  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    await removeWebhook(deps.webhooks, id);
    return c.json({ id, removed: true });
  });
  return app;
}
