/**
 * `/api/webhooks` (admins): list hooks with their last deliveries, register
 * one (its signing secret in that answer only, never listed or logged),
 * resend deliveries, rotate a secret, remove one. The same calls as
 * `laysum webhooks` and the desk's page. The routes' shapes are in ./webhooks-routes.ts.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors/not-found-error.ts';
import { lineDeps } from '../../webhooks/line.ts';
import { addWebhook, listWebhooks, removeWebhook, rotateSecret } from '../../webhooks/manage.ts';
import { parseSince, resendDelivery, resendSince } from '../../webhooks/resend.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { apiRouter, invalid, jsonBody } from './route-kit.ts';
import { addHook, listHooks, removeHook, resendHook, rotateHook } from './webhooks-routes.ts';

export function webhooksApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  app.use('*', requirePermission('admin'));
  app.openapi(listHooks, async (c) => c.json({ webhooks: await listWebhooks(deps.webhooks) }, 200));
  app.openapi(
    { ...addHook, middleware: [limitBody(16 * 1024), jsonBody()] },
    async (c) => {
      const by = `api:${currentUser(c).name}`;
      const input = { ...c.req.valid('json'), by };
      const { hook, secret } = await addWebhook(deps.webhooks, input, deps.config.fetch.allowPrivate);
      return c.json({ ...hook, secret }, 201);
    },
    invalid('webhook'),
  );
  app.openapi(
    { ...resendHook, middleware: [limitBody(16 * 1024), jsonBody()] },
    async (c) => {
      const body = c.req.valid('json');
      const hookId = c.req.valid('param').id;
      if (!(await deps.webhooks.get(hookId)))
        throw new NotFoundError('webhook', hookId, 'GET /api/webhooks lists them.');
      const by = `api:${currentUser(c).name}`;
      const lines = lineDeps(deps.webhooks, deps.queues, deps.config);
      const report =
        'delivery' in body
          ? await resendDelivery(lines, hookId, body.delivery, by)
          : await resendSince(lines, [hookId], parseSince(body.since), by);
      return c.json(report, 200);
    },
    invalid('resend'),
  );
  app.openapi(rotateHook, async (c) => {
    const { id } = c.req.valid('param');
    const { secret, oldUntil } = await rotateSecret(deps.webhooks, id, deps.config.webhooks.secretGraceMs);
    return c.json({ id, secret, oldSecretSignsUntil: oldUntil }, 200);
  });
  app.openapi(removeHook, async (c) => {
    const { id } = c.req.valid('param');
    await removeWebhook(deps.webhooks, id);
    return c.json({ id, removed: true }, 200);
  });
  return app;
}
