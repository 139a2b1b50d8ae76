/** The API document's paths for claims and bulk decisions. */
import {
  authErrors,
  BASED_ON,
  err,
  idParam,
  type Json,
  json,
  nullableString,
  ref,
} from './openapi-shared.ts';

/** Claims (who is working on a paper) and bulk decisions from the queue. */
export function teamPaths(): Json {
  const claimResult = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      outcome: { type: 'string', enum: ['claimed', 'renewed', 'taken'] },
      claim: ref('Claim'),
      previous: { oneOf: [ref('Claim'), { type: 'null' }], description: 'The claim taken over' },
    },
  };
  return {
    '/api/drafts/{id}/claim': {
      get: {
        summary: 'Who is working on this paper, since when and until when (null: nobody)',
        parameters: [idParam],
        responses: {
          200: json({ type: 'object', properties: { claim: ref('Claim') } }, 'The claim'),
          ...authErrors,
        },
      },
      post: {
        summary:
          'Claim the paper for CLAIM_TTL_MS, or renew your claim; `{"takeOver": true}` takes it from another reviewer (audited) (reviewer, admin)',
        parameters: [idParam],
        requestBody: {
          required: false,
          content: {
            'application/json': { schema: { type: 'object', properties: { takeOver: { type: 'boolean' } } } },
          },
        },
        responses: {
          200: json(claimResult, 'Claimed, renewed or taken over'),
          ...authErrors,
          409: err('Claimed by someone else (says who and since when), or the paper is not pending review'),
        },
      },
      delete: {
        summary: "Give your claim back (another reviewer's claim is left alone) (reviewer, admin)",
        parameters: [idParam],
        responses: {
          200: json({ type: 'object', properties: { released: { type: 'boolean' } } }, 'Released or not'),
          ...authErrors,
        },
      },
    },
    '/api/drafts/bulk': {
      post: {
        summary:
          'Approve, reject (one reason) or request changes (one set of notes) on several papers, each pinned to its basedOn version and audited on its own; refusals are per paper (reviewer, admin)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  action: { type: 'string', enum: ['approve', 'reject', 'request-changes'] },
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { id: { type: 'string' }, basedOn: BASED_ON },
                      required: ['id', 'basedOn'],
                    },
                  },
                  note: { type: 'string' },
                  reason: { type: 'string' },
                  notes: { type: 'string' },
                },
                required: ['action', 'items'],
              },
            },
          },
        },
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                done: { type: 'integer' },
                refused: { type: 'integer' },
                results: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      basedOn: { type: 'integer' },
                      done: { type: 'boolean' },
                      error: nullableString,
                      hint: nullableString,
                    },
                  },
                },
              },
            },
            'What happened to each paper',
          ),
          400: err('No papers, too many, or not a decision'),
          ...authErrors,
        },
      },
    },
  };
}
