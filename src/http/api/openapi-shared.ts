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
export const err = (description: string) => json(ref('Error'), description);

export const authErrors = {
  401: err('No or invalid bearer token'),
  403: err('Your role may not do this'),
  429: err('Too many bad tokens from your address: wait for Retry-After seconds'),
  503: err('Redis is away: try again after Retry-After seconds'),
};
