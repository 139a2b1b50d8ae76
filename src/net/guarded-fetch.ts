/**
 * fetch() for URLs a user gave (watched feeds, webhooks): every hop is
 * checked before it connects. A literal address is checked as written; a
 * name is checked on the addresses it resolves to, inside the connection's
 * own DNS lookup, so the address checked is the address connected to (a name
 * that resolves to a public address once and to 127.0.0.1 the next time
 * gains nothing). Redirects are followed here, one checked hop at a time.
 * Built on node:http(s) because the global fetch takes no lookup hook.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { BlockedDestinationError } from '../errors/blocked-destination-error.ts';
import {
  addressProblem,
  blockedHint,
  hostOf,
  isAllowedHost,
  type PrivateAllowList,
  urlProblem,
} from './destinations.ts';

export interface GuardedInit {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** `follow` (at most MAX_REDIRECTS hops, each checked) or `manual` (a 3xx is the answer). */
  redirect?: 'follow' | 'manual';
}

export type FetchLike = (url: string, init: GuardedInit) => Promise<Response>;

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A fetch that refuses forbidden destinations (src/net/destinations.ts) unless `allow` lets them through. */
export function guardedFetch(allow: PrivateAllowList, resolve: LookupFunction = dnsLookup): FetchLike {
  return async (url, init) => {
    let current = new URL(url);
    let { method = 'GET', body } = init;
    const headers = { ...init.headers };
    for (let hop = 0; ; hop++) {
      const res = await oneHop(current, { ...init, method, headers, body }, allow, resolve);
      const location = res.headers.get('location');
      if (init.redirect === 'manual' || !REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS)
        throw new BlockedDestinationError(
          `${redactPath(current)} redirected more than ${MAX_REDIRECTS} times.`,
          {
            hint: 'Give the final address instead.',
          },
        );
      const next = new URL(location, current);
      // Credentials go only to the origin they were given for.
      if (next.origin !== current.origin) delete headers.authorization;
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      current = next;
    }
  };
}

/** Scheme, host and port: what an error may show of a URL (its path or query may hold a secret). */
function redactPath(url: URL): string {
  return url.origin;
}

function refuse(url: URL, problem: string): BlockedDestinationError {
  return new BlockedDestinationError(`Refused to fetch ${redactPath(url)}: ${problem}.`, {
    hint: blockedHint(),
  });
}

/** The lookup the connection uses: resolve, then refuse if any address is forbidden. */
function checkedLookup(url: URL, allow: PrivateAllowList, resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = (Array.isArray(addresses) ? addresses : []) as LookupAddress[];
      const problem = list.map((a) => addressProblem(a.address, allow)).find((p) => p !== null);
      if (problem) return callback(refuse(url, `${hostname} resolves to ${problem}`), '', 4);
      if (options.all) return callback(null, list as unknown as string);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

function oneHop(
  url: URL,
  init: GuardedInit,
  allow: PrivateAllowList,
  resolve: LookupFunction,
): Promise<Response> {
  const problem = urlProblem(url, allow);
  if (problem) return Promise.reject(refuse(url, problem));
  const host = hostOf(url);
  const options: RequestOptions = {
    method: init.method ?? 'GET',
    headers: init.headers,
    agent: false,
    ...(init.signal ? { signal: init.signal } : {}),
    // A host the operator allowed by name is looked up as usual; every other name is checked as it resolves.
    ...(isAllowedHost(host, allow) ? {} : { lookup: checkedLookup(url, allow, resolve) }),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolvePromise, reject) => {
    // node:http reads user:password from the URL itself (Basic auth), as fetch would.
    const req = send(url, options, (res) => {
      try {
        resolvePromise(toResponse(res));
      } catch (err) {
        res.destroy();
        reject(err);
      }
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const NO_BODY = new Set([204, 205, 304]);

function toResponse(res: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) throw new Error(`the server answered with HTTP status ${status}`);
  const body = NO_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
  if (!body) res.resume();
  return new Response(body, { status, statusText: res.statusMessage ?? '', headers });
}
