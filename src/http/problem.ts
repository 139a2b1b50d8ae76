/**
 * Errors as RFC 9457 problem details (`application/problem+json`): `type`,
 * `title`, `status`, `detail`, `instance`, plus LaySum's own `error` (the
 * same as `detail`) and `hint` (what to do), which clients of earlier
 * releases read. A 401 says how to authenticate (`WWW-Authenticate`).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from './errors.ts';

export const PROBLEM_TYPE = 'application/problem+json';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem extends ErrorBody {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  instance: string;
}

export function problemOf(body: ErrorBody, status: number, instance: string): Problem {
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail: body.error,
    instance,
    ...body,
  };
}

/** Answer with a problem document; a 401 names the scheme the API takes. */
export function problem(c: Context, body: ErrorBody, status: ContentfulStatusCode): Response {
  const headers: Record<string, string> = { 'content-type': PROBLEM_TYPE };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="LaySum"';
  return c.body(JSON.stringify(problemOf(body, status, c.req.path)), status, headers);
}
