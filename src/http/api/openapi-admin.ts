/**
 * The OpenAPI paths of the editors' and admins' routes: /api/mine, and the
 * admin-only /api/watches, /api/users and /api/webhooks. A token or signing
 * secret appears only in the answer that created it.
 */

import { Delivery, WEBHOOK_EVENTS, Webhook } from '../../domain/webhook.ts';
import { authErrors, err, type Json, json, ref, schemaOf } from './openapi-shared.ts';

const str = { type: 'string' };
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: str,
  description,
});
const hookId = path('id', 'Webhook id, from GET /api/webhooks');
const removed = (key: string) =>
  json({ type: 'object', properties: { [key]: str, removed: { type: 'boolean' } } }, 'Removed');
const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
const object = (properties: Json, required: string[]): Json => ({ type: 'object', properties, required });

function webhookPaths(): Json {
  return {
    '/api/webhooks': {
      get: {
        summary: 'Webhooks with their last 10 deliveries and their status (never a secret) (admin)',
        responses: {
          200: json(
            object({ webhooks: { type: 'array', items: ref('WebhookWithDeliveries') } }, ['webhooks']),
            'Webhooks',
          ),
          ...authErrors,
        },
      },
      post: {
        summary:
          'Register a URL for events (none: all); the answer carries its signing secret, shown this once only (admin)',
        requestBody: body(
          object(
            {
              url: str,
              events: {
                oneOf: [
                  { type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENTS] } },
                  { type: 'string', description: 'comma-separated' },
                ],
              },
            },
            ['url'],
          ),
        ),
        responses: {
          201: json({ allOf: [ref('Webhook'), object({ secret: str }, ['secret'])] }, 'Registered'),
          400: err('Not an http(s) URL, or an unknown event'),
          ...authErrors,
        },
      },
    },
    '/api/webhooks/{id}': {
      delete: {
        summary: 'Remove a webhook and its delivery history (admin)',
        parameters: [hookId],
        responses: { 200: removed('id'), ...authErrors, 404: err('No such webhook') },
      },
    },
  };
}

export function adminPaths(): Json {
  return { ...webhookPaths() };
}

export function adminSchemas(): Json {
  return {
    Webhook: schemaOf(Webhook),
    Delivery: schemaOf(Delivery),
    WebhookWithDeliveries: {
      allOf: [
        ref('Webhook'),
        object({ deliveries: { type: 'array', items: ref('Delivery') } }, ['deliveries']),
      ],
    },
  };
}
