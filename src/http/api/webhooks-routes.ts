/** The webhook routes as OpenAPI definitions. */
import { createRoute, z } from '@hono/zod-openapi';
import { Delivery, WEBHOOK_EVENTS, Webhook } from '../../domain/webhook.ts';
import { authErrors, errors, json, jsonRequest, named } from './route-kit.ts';

// One object, not allOf: a strict validator refuses an allOf whose parts each close their properties.
const WebhookWithDeliveries = Webhook.extend({
  deliveries: z.array(named(Delivery, 'Delivery')).openapi({ description: 'The last 10, newest first' }),
}).openapi('WebhookWithDeliveries');

// The URL and the event names are checked by webhooks/manage.ts, whose 400s say what to use.
export const AddBody = z
  .object({
    url: z.string(),
    events: z
      .union([z.string().openapi({ description: 'comma-separated' }), z.array(z.string())])
      .optional()
      .openapi({ description: `Any of ${WEBHOOK_EVENTS.join(', ')}; none: all` }),
  })
  .strict();

export const ResendBody = z.union([
  z.object({ delivery: z.string().min(1) }).strict(),
  z.object({ since: z.string().min(1).openapi({ description: 'ISO time, or 90m, 6h, 2d ago' }) }).strict(),
]);

const HookId = z.object({
  id: z
    .string()
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Webhook id, from GET /api/webhooks' }),
});

export const listHooks = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listWebhooks',
  summary: 'Webhooks with their last 10 deliveries and their status (never a secret) (admin)',
  responses: { 200: json(z.object({ webhooks: z.array(WebhookWithDeliveries) }), 'Webhooks'), ...authErrors },
});

export const addHook = createRoute({
  method: 'post',
  path: '/',
  operationId: 'addWebhook',
  summary:
    'Register a URL for events (none: all); the answer carries its signing secret, shown this once only (admin)',
  request: { body: jsonRequest(AddBody) },
  responses: {
    201: json(
      Webhook.extend({ secret: z.string().openapi({ description: 'Shown this once only' }) }),
      'Registered',
    ),
    ...errors({ 400: 'Not an http(s) URL, or an unknown event' }),
    ...authErrors,
  },
});

export const resendHook = createRoute({
  method: 'post',
  path: '/{id}/resend',
  operationId: 'resendWebhookDeliveries',
  summary:
    "Send a delivery again with its paper's later ones, or everything since a time (ISO, or 90m, 6h, 2d), in order (admin)",
  request: { params: HookId, body: jsonRequest(ResendBody) },
  responses: {
    200: json(
      z.object({
        resent: z.number().int(),
        papers: z.number().int(),
        waiting: z.array(z.string()).openapi({ description: 'papers left alone: deliveries still in line' }),
      }),
      'What was queued again',
    ),
    ...errors({
      400: 'Neither or both of delivery and since, or a time not in the past',
      404: 'No such webhook or delivery',
    }),
    ...authErrors,
  },
});

export const rotateHook = createRoute({
  method: 'post',
  path: '/{id}/rotate',
  operationId: 'rotateWebhookSecret',
  summary:
    'A new signing secret, in this answer only; the old one also signs until oldSecretSignsUntil (admin)',
  request: { params: HookId },
  responses: {
    200: json(z.object({ id: z.string(), secret: z.string(), oldSecretSignsUntil: z.string() }), 'Rotated'),
    ...errors({ 404: 'No such webhook' }),
    ...authErrors,
  },
});

export const removeHook = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'removeWebhook',
  summary: 'Remove a webhook and its delivery history (admin)',
  request: { params: HookId },
  responses: {
    200: json(z.object({ id: z.string(), removed: z.boolean() }), 'Removed'),
    ...errors({ 404: 'No such webhook' }),
    ...authErrors,
  },
});
