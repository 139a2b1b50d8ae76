/**
 * HTTP for the source clients (NCBI, Crossref, Europe PMC, feeds): a timeout
 * on every request, retries with backoff on 429 / 5xx / network errors that
 * honour `Retry-After`, and errors that name the service and say what to do.
 */
import { InputError } from '../errors/input-error.ts';
import { TransientError } from '../errors/summarize-errors.ts';

export interface HttpOptions {
  timeoutMs: number;
  attempts: number;
  /** Base delay for exponential backoff when the server gives no Retry-After. */
  backoffMs?: number;
  userAgent?: string;
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
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

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
 * GET (or POST) with retries. Returns the response for 2xx and for 404 (the
 * caller decides what "not found" means); throws TransientError when retries
 * run out on 429/5xx/network errors, InputError on other 4xx.
 */
export async function httpRequest(req: HttpRequest, opts: HttpOptions): Promise<HttpResponse> {
  const backoff = opts.backoffMs ?? 500;
  let lastProblem = '';
  let lastRetryAfter: number | undefined;
  for (let attempt = 1; attempt <= opts.attempts; attempt++) {
    await req.beforeAttempt?.();
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method ?? 'GET',
        body: req.body,
        headers: {
          accept: req.accept ?? '*/*',
          'user-agent': opts.userAgent ?? 'LaySum/0.1',
          ...req.headers,
        },
        signal: AbortSignal.timeout(opts.timeoutMs),
        redirect: 'follow',
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      lastProblem = timedOut
        ? `no answer within ${opts.timeoutMs} ms`
        : `could not connect (${describeCause(err)})`;
      lastRetryAfter = undefined;
      if (attempt < opts.attempts) await sleep(backoff * 2 ** (attempt - 1));
      continue;
    }
    const text = await res.text();
    if (res.ok || res.status === 404) return { status: res.status, headers: res.headers, text };
    if (res.status === 429 || res.status >= 500) {
      lastRetryAfter = retryAfterMs(res.headers.get('retry-after'));
      lastProblem = `HTTP ${res.status}${res.status === 429 ? ' (rate limited)' : ''}`;
      if (attempt < opts.attempts) await sleep(lastRetryAfter ?? backoff * 2 ** (attempt - 1));
      continue;
    }
    throw new InputError(
      `${req.service} refused the request: HTTP ${res.status} for ${redactUrl(req.url)}.`,
      {
        hint: `Check the identifier or query you gave. The server said: ${text.slice(0, 200).trim() || '(nothing)'}`,
      },
    );
  }
  throw new TransientError(
    `${req.service} is unavailable: ${lastProblem} after ${opts.attempts} attempt(s) (${redactUrl(req.url)}).`,
    {
      hint: 'LaySum will try again later; check the network or the service status if this persists.',
      ...(lastRetryAfter === undefined ? {} : { retryAfterMs: lastRetryAfter }),
    },
  );
}

function describeCause(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error && 'code' in cause) return String(cause.code);
    return err.message;
  }
  return String(err);
}
