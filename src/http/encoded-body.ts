/**
 * A public answer's bytes, ETag and gzip form, made once per distinct body
 * rather than on every request: the site's pages and feeds are the same
 * string until a publication changes them (./site-cache.ts), so hashing and
 * compressing them per request (hono/etag, hono/compress) was most of what a
 * page view cost. Keyed by the body itself, so an entry can never answer for
 * other text; the least recently used go first beyond `MAX_BYTES`.
 *
 * The answer carries its ETag and, when gzip is accepted, its encoding, so
 * the etag and compress middleware (./site-files.ts) pass it through and
 * only answer conditional GETs.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

interface Encoded {
  bytes: Uint8Array<ArrayBuffer>;
  /** Weak: the identity and gzip forms share it (RFC 9110 8.8.1). */
  etag: string;
  gzip: Uint8Array<ArrayBuffer> | null;
  /** What it holds (the text and its encodings), counted against MAX_BYTES. */
  size: number;
}

/** Below this, compressing costs more than it saves (hono/compress's own threshold). */
const GZIP_FROM = 1024;
const MAX_BYTES = 64 * 1024 * 1024;

const memo = new Map<string, Encoded>();
let held = 0;

function encodedOf(body: string): Encoded {
  const hit = memo.get(body);
  if (hit) {
    memo.delete(body);
    memo.set(body, hit);
    return hit;
  }
  const bytes = new TextEncoder().encode(body);
  const etag = `W/"${createHash('sha1').update(bytes).digest('hex')}"`;
  const made: Encoded = { bytes, etag, gzip: null, size: bytes.length * 2 };
  memo.set(body, made);
  held += made.size;
  for (const [key, old] of memo) {
    if (held <= MAX_BYTES || memo.size <= 1) break;
    memo.delete(key);
    held -= old.size;
  }
  return made;
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'gzip' && name?.trim() !== '*') continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  }
  return false;
}

/** Answer `body` with its cached ETag, gzipped from cache when the client accepts it. */
export function sendEncoded(
  c: Context,
  body: string,
  contentType: string,
  status: 200 | 404 | 410 = 200,
): Response {
  const e = encodedOf(body);
  const headers: Record<string, string> = {
    'content-type': contentType,
    etag: e.etag,
    vary: 'Accept-Encoding',
  };
  if (e.bytes.length >= GZIP_FROM && acceptsGzip(c.req.header('accept-encoding'))) {
    if (!e.gzip) {
      e.gzip = new Uint8Array(gzipSync(e.bytes));
      // Counted in the entry's own size, so evicting it gives the bytes back.
      e.size += e.gzip.length;
      held += e.gzip.length;
    }
    headers['content-encoding'] = 'gzip';
    return c.body(e.gzip, status, headers);
  }
  return c.body(e.bytes, status, headers);
}
