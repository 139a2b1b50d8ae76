/**
 * What the server knows about the caller's connection: its address and
 * whether it came over https. Behind a reverse proxy (TRUST_PROXY=true) the
 * proxy's X-Forwarded-For / X-Forwarded-Proto say so; without one those
 * headers are the caller's own words and are ignored.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config/env.ts';
import type { AppEnv } from './types.ts';

/** The client's address; null when the app is called without a server (`app.fetch` in tests). */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The proxy appends the address it saw: the last entry is the one it vouches for.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const bindings: unknown = c.env;
  if (typeof bindings !== 'object' || bindings === null) return null;
  return getConnInfo(c).remote.address ?? null;
}

/** Whether the browser reached us over https (so cookies may, and should, be Secure). */
export function isHttps(c: Context<AppEnv>, config: Config): boolean {
  if (config.http.publicBaseUrl.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!config.http.trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
