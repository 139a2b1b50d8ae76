/**
 * `/api/webhooks` (admins): list hooks with their last deliveries, register
 * one (its signing secret in that answer only, never listed or logged),
 * remove one. The same calls as `laysum webhooks` and the desk's page.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  Delivery as DeliverySchema,
  WEBHOOK_EVENTS,
  Webhook as WebhookSchema,
} from '../../domain/webhook.ts';
import { addWebhook, listWebhooks, removeWebhook } from '../../webhooks/manage.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { apiRouter, authErrors, errors, invalid, json, jsonBody, jsonRequest, named } from './route-kit.ts';

// One object, not allOf: a strict validator refuses an allOf whose parts each close their properties.
const WebhookWithDeliveries = WebhookSchema.extend({
  deliveries: z
    .array(named(DeliverySchema, 'Delivery'))
    .openapi({ description: 'The last 10, newest first' }),
}).openapi('WebhookWithDeliveries');

// The URL and the event names are checked by webhooks/manage.ts, whose 400s say what to use.
const AddBody = z
  .object({
    url: z.string(),
    events: z
      .union([z.string().openapi({ description: 'comma-separated' }), z.array(z.string())])
      .optional()
      .openapi({ description: `Any of ${WEBHOOK_EVENTS.join(', ')}; none: all` }),
  })
  .strict();

const listHooks = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listWebhooks',
  summary: 'Webhooks with their last 10 deliveries and their status (never a secret) (admin)',
  responses: { 200: json(z.object({ webhooks: z.array(WebhookWithDeliveries) }), 'Webhooks'), ...authErrors },
});

const addHook = createRoute({
  method: 'post',
  path: '/',
  operationId: 'addWebhook',
  summary:
    'Register a URL for events (none: all); the answer carries its signing secret, shown this once only (admin)',
  request: { body: jsonRequest(AddBody) },
  responses: {
    201: json(
      WebhookSchema.extend({ secret: z.string().openapi({ description: 'Shown this once only' }) }),
      'Registered',
    ),
    ...errors({ 400: 'Not an http(s) URL, or an unknown event' }),
    ...authErrors,
  },
});

const removeHook = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'removeWebhook',
  summary: 'Remove a webhook and its delivery history (admin)',
  request: {
    params: z.object({
      id: z
        .string()
        .openapi({ param: { name: 'id', in: 'path' }, description: 'Webhook id, from GET /api/webhooks' }),
    }),
  },
  responses: {
    200: json(z.object({ id: z.string(), removed: z.boolean() }), 'Removed'),
    ...errors({ 404: 'No such webhook' }),
    ...authErrors,
  },
});

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
  app.openapi(removeHook, async (c) => {
    const { id } = c.req.valid('param');
    await removeWebhook(deps.webhooks, id);
    return c.json({ id, removed: true }, 200);
  });
  return app;
}
