/** Reading and validating API request bodies, with 400s that name the bad field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { InputError } from '../../errors/input-error.ts';

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new InputError('The request body must be JSON.', {
      hint: 'Send `Content-Type: application/json` with a JSON body.',
    });
  }
  return parseJsonText(await c.req.text());
}

export function parseJsonText(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new InputError('The request body is not valid JSON.', {
      hint: 'Check the JSON syntax (quotes, commas, braces).',
    });
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error, what);
}

/** What was wrong, field by field: `items.0.basedOn: Too small...; note: ...`. */
export function problemsOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

export function invalidInput(error: z.ZodError, what: string): InputError {
  return new InputError(`The ${what} is not valid: ${problemsOf(error)}.`, {
    hint: 'See /api/openapi.json for the request shapes.',
  });
}
