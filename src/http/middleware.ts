/**
 * Cross-cutting request handling: one log line per request (method, path
 * without the query, status, time, user name, client address: never headers,
 * cookies or bodies, so tokens cannot reach the log), security headers per
 * area, and body size limits.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { Logger } from '../log/logger.ts';
import { clientAddress } from './client.ts';
import { HttpError } from './errors.ts';
import type { AppEnv } from './types.ts';

const requestIds = new WeakMap<Request, string>();
/** An id a proxy in front already gave the request is kept if it is plain; otherwise a new one. */
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function assignRequestId(req: Request): string {
  const given = req.headers.get('x-request-id');
  const id = given && PLAIN_ID.test(given) ? given : randomUUID();
  requestIds.set(req, id);
  return id;
}

/** The request's id (answered as X-Request-Id and on its log lines), for other log lines about it. */
export function requestIdOf(req: Request): string | undefined {
  return requestIds.get(req);
}

/** One line per request, with its id (also answered as `X-Request-Id`). */
export function requestLog(log: Logger, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = assignRequestId(c.req.raw);
    await next();
    c.header('X-Request-Id', requestId);
    const durationMs = Math.round(performance.now() - started);
    const { method, path } = c.req;
    const { status } = c.res;
    const user = c.get('user')?.name ?? null;
    const remote = clientAddress(c, trustProxy);
    const fields = { requestId, method, path, status, durationMs, user, remote };
    const line = `${method} ${path} ${status} ${durationMs}ms user=${user ?? '-'} from=${remote ?? '-'} req=${requestId}`;
    // 503 (Redis away) is expected and logged once by the health watcher; the request line is a warning.
    if (status >= 500 && status !== 503) log.error(fields, line);
    else if (status === 503 || status === 429) log.warn(fields, line);
    else log.info(fields, line);
  };
}

/** Desk, API and dashboard answers are per user and change with every decision: no browser or proxy may keep them. */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
}

const common = {
  referrerPolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
  xFrameOptions: 'DENY',
} as const;

/** Desk pages: only our own script file (by nonce) may run, only our own stylesheet applies (no inline style). */
export const deskHeaders = (): MiddlewareHandler<AppEnv> =>
  secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [NONCE],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  });

/** Published pages and feeds: no script at all. */
export const publicHeaders = (): MiddlewareHandler<AppEnv> =>
  secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  });

/** The dashboard ships its own bundle and styles; everything else still applies. */
export const adminHeaders = (): MiddlewareHandler<AppEnv> =>
  secureHeaders({ ...common, contentSecurityPolicy: undefined });

export function limitBody(
  maxBytes: number,
  hint = 'Send a smaller file, or give the DOI or PMID instead.',
): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, `The request body is over the limit of ${maxBytes} bytes.`, hint);
    },
  });
}
