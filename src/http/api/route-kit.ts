/**
 * What every API route is defined with: an OpenAPIHono router whose request
 * validation fails through the project's error path (an InputError naming
 * each bad field), the JSON body read with the project's own checks, and
 * the `{ error, hint }` answers each route documents.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { PROBLEM_TYPE } from '../problem.ts';
import type { AppEnv } from '../types.ts';
import { invalidInput, parseJsonText, readJson } from './body.ts';

type Validated = { success: true } | { success: false; error: z.ZodError };

/** A validation hook: a failed parse becomes the project's error (an InputError, answered 400). */
export function failWith(toError: (error: z.ZodError) => Error) {
  return (result: Validated): undefined => {
    if (!result.success) throw toError(result.error);
    return undefined;
  };
}

/** A validation hook naming what was sent ("bulk request", "watch"...) in its 400. */
export const invalid = (what: string) => failWith((error) => invalidInput(error, what));

/** A router for one group of routes; validation not given its own hook names "the request". */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: invalid('request') });
}

/**
 * The body checks the API always made, before the schema's: a required body
 * must say it is JSON and parse (400s saying so); an optional one may be
 * empty or sent without a JSON content type (curl -d), and is then read as JSON.
 */
export function jsonBody(options: { optional?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const text = options.optional ? await c.req.text() : JSON.stringify(await readJson(c));
    const headers = new Headers(c.req.raw.headers);
    const empty = options.optional === true && text.trim() === '';
    if (!empty) parseJsonText(text);
    // The validator reads the content type from the request: say JSON for a body, nothing for none.
    if (empty) headers.delete('content-type');
    else headers.set('content-type', 'application/json');
    c.req.raw = new Request(c.req.raw.url, {
      method: c.req.raw.method,
      headers,
      ...(empty ? {} : { body: text }),
    });
    await next();
  };
}

/** Errors are RFC 9457 problem details (../problem.ts), with LaySum's `error` (= `detail`) and `hint`. */
export const ErrorBody = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    error: z.string().openapi({ description: 'What was wrong (the same as detail)' }),
    hint: z.string().nullable().openapi({ description: 'What to do about it' }),
  })
  .openapi('Error', {
    description: 'RFC 9457 problem details, with `error` (= `detail`) and `hint` (what to do)',
  });

const error = (description: string) => ({
  description,
  content: { [PROBLEM_TYPE]: { schema: ErrorBody } },
});

/** The refusals any route may answer: no token, wrong role, too many bad tokens, Redis away. */
export const authErrors = {
  401: error('No or invalid bearer token'),
  403: error('Your role may not do this'),
  429: error('Too many bad tokens from your address: wait for Retry-After seconds'),
  503: error('Redis is away: try again after Retry-After seconds'),
} as const;

/** A route's own refusals, by status. */
export function errors<K extends number>(described: Record<K, string>): Record<K, ReturnType<typeof error>> {
  const out = {} as Record<K, ReturnType<typeof error>>;
  for (const [status, description] of Object.entries(described) as [string, string][])
    out[Number(status) as K] = error(description);
  return out;
}

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonRequest = <S extends z.ZodType>(schema: S, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});

/**
 * A domain schema as a named component (`#/components/schemas/NAME`). A
 * clone: schemas made before @hono/zod-openapi extended zod lack `.openapi`.
 */
export const named = <S extends z.ZodType>(schema: S, name: string): S => schema.clone().openapi(name) as S;
