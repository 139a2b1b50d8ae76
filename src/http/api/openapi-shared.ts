/** Pieces every part of the OpenAPI document is written with: schema refs, JSON answers, `{ error, hint }` errors. */
import { z } from 'zod';

export type Json = Record<string, unknown>;

export function schemaOf(schema: z.ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: Json, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
/** Errors are RFC 9457 problem details (src/http/problem.ts). */
export const err = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Error') } },
});

export const authErrors = {
  401: err('No or invalid bearer token'),
  403: err('Your role may not do this'),
  429: err('Too many bad tokens from your address: wait for Retry-After seconds'),
  503: err('Redis is away: try again after Retry-After seconds'),
};

export const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Paper id, e.g. p0123456789ab',
};

export const BASED_ON = {
  type: 'integer',
  minimum: 1,
  description:
    'The draft version you decided on (for publish: the approved version). A decision on a version that is no longer the latest is refused with 409, naming who saved the newer one.',
};

export const nullableString = { type: ['string', 'null'] };

/** Helpers of the admin paths (./openapi-admin.ts, ./openapi-webhooks.ts). */
export const str = { type: 'string' };
export const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: str,
  description,
});
export const removed = (key: string) =>
  json({ type: 'object', properties: { [key]: str, removed: { type: 'boolean' } } }, 'Removed');
export const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
export const object = (properties: Json, required: string[]): Json => ({
  type: 'object',
  properties,
  required,
});
