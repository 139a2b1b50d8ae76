/**
 * The OpenAPI paths of the editors' and admins' routes: /api/mine, and the
 * admin-only /api/watches, /api/users and /api/webhooks. A token or signing
 * secret appears only in the answer that created it.
 */

import { Watch } from '../../domain/watch.ts';
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
const watchId = path('id', 'Watch id, from GET /api/watches');
const hookId = path('id', 'Webhook id, from GET /api/webhooks');
const removed = (key: string) =>
  json({ type: 'object', properties: { [key]: str, removed: { type: 'boolean' } } }, 'Removed');
const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
const object = (properties: Json, required: string[]): Json => ({ type: 'object', properties, required });

function watchPaths(): Json {
  const watchOp = (summary: string): Json => ({
    post: {
      summary,
      parameters: [watchId],
      responses: { 200: json(ref('Watch'), 'The watch'), ...authErrors, 404: err('No such watch') },
    },
  });
  return {
    '/api/watches': {
      get: {
        summary: 'Watches with their last poll (and its error) and the next scheduled poll (admin)',
        responses: {
          200: json(
            object({ watches: { type: 'array', items: ref('WatchWithNext') } }, ['watches']),
            'Watches',
          ),
          ...authErrors,
        },
      },
      post: {
        summary: 'Add a PubMed query or a feed URL, polled every `every` (e.g. 30m, 6h, 1d) (admin)',
        requestBody: body(
          object(
            {
              kind: { type: 'string', enum: ['pubmed', 'feed'] },
              target: str,
              every: { ...str, default: '6h' },
            },
            ['kind', 'target'],
          ),
        ),
        responses: {
          201: json(ref('Watch'), 'Added and scheduled (a feed URL shows user:password as ***)'),
          400: err('Unknown kind, empty query, not an http(s) URL, or a bad interval'),
          ...authErrors,
        },
      },
    },
    '/api/watches/{id}/run': {
      post: {
        summary: 'Ask the workers to poll this watch now (admin)',
        parameters: [watchId],
        responses: {
          202: json(object({ id: str, queued: { type: 'boolean' } }, ['id']), 'Queued'),
          ...authErrors,
          404: err('No such watch'),
        },
      },
    },
    '/api/watches/{id}/pause': watchOp('Stop polling; the watch keeps its settings and history (admin)'),
    '/api/watches/{id}/resume': watchOp('Schedule a paused watch again (admin)'),
    '/api/watches/{id}': {
      delete: {
        summary: 'Remove a watch and its schedule (admin)',
        parameters: [watchId],
        responses: { 200: removed('id'), ...authErrors, 404: err('No such watch') },
      },
    },
  };
}

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
  return { ...watchPaths(), ...webhookPaths() };
}

export function adminSchemas(): Json {
  return {
    Watch: schemaOf(Watch),
    WatchWithNext: {
      allOf: [ref('Watch'), { type: 'object', properties: { nextPollAt: { type: ['integer', 'null'] } } }],
    },
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
