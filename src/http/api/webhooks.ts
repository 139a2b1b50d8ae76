/**
 * `/api/webhooks` (admins): list hooks with their last deliveries, register
 * one (its signing secret in that answer only, never listed or logged),
 * resend deliveries, rotate a secret, remove one. The same calls as
 * `laysum webhooks` and the desk's page.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../errors/not-found-error.ts';
import { lineDeps } from '../../webhooks/line.ts';
import { addWebhook, listWebhooks, removeWebhook, rotateSecret } from '../../webhooks/manage.ts';
import { parseSince, resendDelivery, resendSince } from '../../webhooks/resend.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { parseWith, readJson } from './body.ts';

const ResendBody = z.union([
  z.object({ delivery: z.string().min(1) }).strict(),
  z.object({ since: z.string().min(1) }).strict(),
]);

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
  app.post('/:id/resend', limitBody(16 * 1024), async (c) => {
    const body = parseWith(ResendBody, await readJson(c), 'resend');
    const hookId = c.req.param('id');
    if (!(await deps.webhooks.get(hookId)))
      throw new NotFoundError('webhook', hookId, 'GET /api/webhooks lists them.');
    const by = `api:${currentUser(c).name}`;
    const lines = lineDeps(deps.webhooks, deps.queues, deps.config);
    const report =
      'delivery' in body
        ? await resendDelivery(lines, hookId, body.delivery, by)
        : await resendSince(lines, [hookId], parseSince(body.since), by);
    return c.json(report);
  });
  app.post('/:id/rotate', async (c) => {
    const id = c.req.param('id');
    const { secret, oldUntil } = await rotateSecret(deps.webhooks, id, deps.config.webhooks.secretGraceMs);
    return c.json({ id, secret, oldSecretSignsUntil: oldUntil });
  });
  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    await removeWebhook(deps.webhooks, id);
    return c.json({ id, removed: true });
  });
  return app;
}
