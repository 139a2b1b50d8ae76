/**
 * HTTP for the source clients (NCBI, Crossref, Europe PMC, feeds): a timeout
 * on every request and errors that name the service and say what to do.
 *
 * Waiting belongs to the queue, not to a request holding a worker slot: a
 * request makes at most one quick retry (a dropped connection, or a 429/5xx
 * whose Retry-After is at most a second). Anything longer throws a
 * TransientError carrying the server's Retry-After, and the stage's job waits
 * it out as a delayed job (src/queue/failure.ts). A 4xx is a PermanentError.
 */
import { PermanentError } from '../errors/permanent-error.ts';
import { TransientError } from '../errors/transient-error.ts';
import type { FetchLike } from './guarded-fetch.ts';

export interface HttpOptions {
  timeoutMs: number;
  /** Wait before the one quick retry when the server gives no Retry-After (capped at 1 s). */
  retryDelayMs?: number;
  userAgent?: string;
  /** How requests go out: the global fetch, or a guarded one for URLs a user gave (./guarded-fetch.ts). */
  fetch?: FetchLike;
}

export interface HttpRequest {
  url: string;
  service: string; // 'NCBI E-utilities', 'Crossref', ... for error messages
  accept?: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** Called before each attempt (e.g. to wait for a shared rate limiter). */
  beforeAttempt?: () => Promise<void>;
  /** The largest body read (streamed, cut off beyond it: a PermanentError naming `setting`). */
  maxBytes?: { bytes: number; setting: string };
  /** False for a URL a user gave: a refusal never quotes what the server answered. */
  quoteBody?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** The longest wait a request does itself; longer waits are the queue's. */
export const MAX_INLINE_WAIT_MS = 1000;

type Outcome =
  | { ok: true; response: HttpResponse }
  | { ok: false; problem: string; retryAfterMs: number | undefined; quickRetry: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parse a Retry-After header (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Strip query-string secrets (api_key, key, token) from a URL before it goes into an error. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:api_key|apikey|key|token)=)[^&]*/gi, '$1***');
}

/**
 * GET (or POST). Returns the response for 2xx and for 404 (the caller decides
 * what "not found" means); throws TransientError on 429/5xx/network errors
 * (after at most one quick retry), PermanentError on other 4xx.
 */
export async function httpRequest(req: HttpRequest, opts: HttpOptions): Promise<HttpResponse> {
  let outcome = await attempt(req, opts);
  if (outcome.ok) return outcome.response;
  const wait = outcome.retryAfterMs ?? Math.min(opts.retryDelayMs ?? 500, MAX_INLINE_WAIT_MS);
  let requests = 1;
  if (outcome.quickRetry && wait <= MAX_INLINE_WAIT_MS) {
    await sleep(wait);
    outcome = await attempt(req, opts);
    if (outcome.ok) return outcome.response;
    requests = 2;
  }
  const after = outcome.retryAfterMs;
  throw new TransientError(
    `${req.service} is unavailable: ${outcome.problem} after ${requests} request(s) (${redactUrl(req.url)}).`,
    {
      hint: `LaySum tries again later${after === undefined ? '' : ` (the server asked for ${Math.ceil(after / 1000)} s)`}; check the network or the service status if this persists.`,
      ...(after === undefined ? {} : { retryAfterMs: after }),
    },
  );
}

async function attempt(req: HttpRequest, opts: HttpOptions): Promise<Outcome> {
  await req.beforeAttempt?.();
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(req.url, {
      method: req.method ?? 'GET',
      ...(req.body === undefined ? {} : { body: req.body }),
      headers: { accept: req.accept ?? '*/*', 'user-agent': opts.userAgent ?? 'LaySum/0.1', ...req.headers },
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'follow',
    });
  } catch (err) {
    // A refused destination (./guarded-fetch.ts) is not a network problem: no retry.
    if (err instanceof PermanentError) throw err;
    // A timeout has held the slot long enough already: no second try here.
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return timedOut
      ? {
          ok: false,
          problem: `no answer within ${opts.timeoutMs} ms`,
          retryAfterMs: undefined,
          quickRetry: false,
        }
      : {
          ok: false,
          problem: `could not connect (${describeCause(err)})`,
          retryAfterMs: undefined,
          quickRetry: true,
        };
  }
  const text = await readBody(res, req);
  if (res.ok || res.status === 404)
    return { ok: true, response: { status: res.status, headers: res.headers, text } };
  if (res.status === 429 || res.status >= 500) {
    const problem = `HTTP ${res.status}${res.status === 429 ? ' (rate limited)' : ''}`;
    return {
      ok: false,
      problem,
      retryAfterMs: retryAfterMs(res.headers.get('retry-after')),
      quickRetry: true,
    };
  }
  const said = req.quoteBody === false ? '' : ` The server said: ${text.slice(0, 200).trim() || '(nothing)'}`;
  throw new PermanentError(
    `${req.service} refused the request: HTTP ${res.status} for ${redactUrl(req.url)}.`,
    {
      hint: `Check the identifier or query you gave.${said}`,
    },
  );
}

/** The body as text, read as a stream so that a body over the limit is never held whole. */
async function readBody(res: Response, req: HttpRequest): Promise<string> {
  const limit = req.maxBytes;
  if (!limit || !res.body) return res.text();
  const tooLarge = (size: string) =>
    new PermanentError(
      `${req.service} at ${redactUrl(req.url)} is too large: ${size}, over the ${limit.bytes}-byte limit.`,
      { hint: `Raise ${limit.setting} if this source really is that large.` },
    );
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit.bytes) {
    await res.body.cancel().catch(() => {});
    throw tooLarge(`${declared} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit.bytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(`more than ${limit.bytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeCause(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error && 'code' in cause) return String(cause.code);
    return err.message;
  }
  return String(err);
}
