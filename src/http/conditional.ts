/**
 * Conditional GETs on `Last-Modified`: a request whose `If-Modified-Since`
 * is at or after the answer's `Last-Modified` gets 304 with no body (an
 * `If-None-Match` takes precedence, as RFC 9110 says; hono/etag answers that).
 */
import type { MiddlewareHandler } from 'hono';

export function ifModifiedSince(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const since = c.req.header('if-modified-since');
    const modified = c.res.headers.get('last-modified');
    if (!since || !modified || c.req.header('if-none-match') || c.res.status !== 200) return;
    if (!['GET', 'HEAD'].includes(c.req.method)) return;
    const [a, b] = [Date.parse(modified), Date.parse(since)];
    if (Number.isNaN(a) || Number.isNaN(b) || Math.floor(a / 1000) > Math.floor(b / 1000)) return;
    const headers = new Headers();
    for (const name of ['etag', 'last-modified', 'cache-control', 'vary', 'content-location'])
      if (c.res.headers.has(name)) headers.set(name, c.res.headers.get(name) ?? '');
    c.res = new Response(null, { status: 304, headers });
  };
}
