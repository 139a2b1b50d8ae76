/** The OpenAPI paths of the admin-only /api/webhooks (the rest of the admin API: ./openapi-admin.ts). */
import { WEBHOOK_EVENTS } from '../../domain/webhook.ts';
import { authErrors, body, err, type Json, json, object, path, ref, removed, str } from './openapi-shared.ts';

const hookId = path('id', 'Webhook id, from GET /api/webhooks');

export function webhookPaths(): Json {
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
    '/api/webhooks/{id}/resend': {
      post: {
        summary:
          "Send a delivery again with its paper's later ones, or everything since a time (ISO, or 90m, 6h, 2d), in order (admin)",
        parameters: [hookId],
        requestBody: body({
          oneOf: [object({ delivery: str }, ['delivery']), object({ since: str }, ['since'])],
        }),
        responses: {
          200: json(
            object(
              {
                resent: { type: 'integer' },
                papers: { type: 'integer' },
                waiting: {
                  type: 'array',
                  items: str,
                  description: 'papers left alone: deliveries still in line',
                },
              },
              ['resent', 'papers', 'waiting'],
            ),
            'What was queued again',
          ),
          400: err('Neither or both of delivery and since, or a time not in the past'),
          ...authErrors,
          404: err('No such webhook or delivery'),
        },
      },
    },
    '/api/webhooks/{id}/rotate': {
      post: {
        summary:
          'A new signing secret, in this answer only; the old one also signs until oldSecretSignsUntil (admin)',
        parameters: [hookId],
        responses: {
          200: json(
            object({ id: str, secret: str, oldSecretSignsUntil: str }, [
              'id',
              'secret',
              'oldSecretSignsUntil',
            ]),
            'Rotated',
          ),
          ...authErrors,
          404: err('No such webhook'),
        },
      },
    },
  };
}
